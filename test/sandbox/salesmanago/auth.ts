import { createHash } from 'node:crypto';
import type { SalesManagoAccount } from './types';

/** The messages SALESmanago's own library recognises (docs/salesmanago.md §2.1). */
export const NOT_AUTHENTICATED = 'User not authenticated';

/**
 * Checks the v2 auth fields of a body (docs/salesmanago.md §1): the client id, `sha` = SHA-1 of
 * apiKey + clientId + apiSecret (Node's own SHA-1, independent of the client's), a numeric
 * `requestTime` in milliseconds near the sandbox clock (whether the real server checks it is
 * unknown: the sandbox does, so a client that sends seconds or a stale time is caught), and the
 * owner. Returns the refusal's messages, or undefined.
 */
export function authProblem(body: Record<string, unknown>, account: SalesManagoAccount, now: number, maxSkewMs: number): string[] | undefined {
  const { clientId, apiKey, sha, requestTime, owner } = body;
  if (typeof clientId !== 'string' || clientId !== account.clientId) return [NOT_AUTHENTICATED];
  if (typeof apiKey !== 'string' || apiKey === '') return [NOT_AUTHENTICATED, 'apiKey is missing'];
  const expected = createHash('sha1').update(apiKey + account.clientId + account.apiSecret).digest('hex');
  if (sha !== expected) return [NOT_AUTHENTICATED];
  if (typeof requestTime !== 'number' || !Number.isInteger(requestTime) || Math.abs(requestTime - now) > maxSkewMs) {
    return [NOT_AUTHENTICATED, 'requestTime must be the current Unix time in milliseconds'];
  }
  if (typeof owner !== 'string' || owner.trim().toLowerCase() !== account.owner.toLowerCase()) return [`Owner ${String(owner).slice(0, 80)} is not a user of this account`];
  return undefined;
}
