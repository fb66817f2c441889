import type { Clock, HttpTransport } from '../ports';
import { isThrottleMessage, readReply } from './reply';
import { sha1Hex } from './sha1';

export interface SalesManagoCredentials {
  clientId: string;
  /** Any string the user chose once (SALESmanago does not issue it). */
  apiKey: string;
  apiSecret: string;
  /** E-mail of the SALESmanago user who owns the contacts. */
  owner: string;
}

/** Lower-case hex SHA-1 of apiKey + clientId + apiSecret, in that order (docs/salesmanago.md §1). */
export function salesManagoSha(credentials: Pick<SalesManagoCredentials, 'apiKey' | 'clientId' | 'apiSecret'>): string {
  return sha1Hex(credentials.apiKey + credentials.clientId + credentials.apiSecret);
}

/**
 * The transport every SALESmanago request goes through. It signs each ATTEMPT — the auth fields go
 * into the JSON body with `requestTime` taken at sending, so a retry after a long backoff carries
 * a fresh time — and turns a `success: false` that speaks of throttling into a 429, so the one
 * retry policy backs it off like any other throttle (docs/salesmanago.md §2.3).
 */
export function signedTransport(transport: HttpTransport, credentials: SalesManagoCredentials, now: Clock): HttpTransport {
  const sha = salesManagoSha(credentials);
  return async (request) => {
    const body = {
      clientId: credentials.clientId,
      apiKey: credentials.apiKey,
      requestTime: now(),
      sha,
      owner: credentials.owner,
      ...(request.body as Record<string, unknown>),
    };
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json;charset=UTF-8', ...request.headers };
    const response = await transport({ ...request, headers, body });
    if (response.status === 200) {
      const reply = readReply(response.body);
      if (!reply.success && isThrottleMessage(reply.message)) return { ...response, status: 429 };
    }
    return response;
  };
}
