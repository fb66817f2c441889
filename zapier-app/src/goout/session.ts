/**
 * GoOut tokens inside Zapier. GoOut may rotate the refresh token on every refresh (docs/goout.md §2.2),
 * and a rotated token that is not stored is lost for good. The only place where Zapier stores what
 * our code returns is `sessionConfig.perform` (its result is merged into authData), so:
 *
 * - every refresh happens there (`refreshSession`), which returns the whole token store as
 *   computed fields, rotated refresh token included;
 * - in trigger runs the core's token manager still decides WHEN to refresh (401, or less than an
 *   hour of the access token left), but its refresh call is diverted: nothing is sent to GoOut and
 *   the run ends with RefreshAuthError, so Zapier runs `sessionConfig.perform` and retries.
 *
 * The computed tokens are used only while they descend from the pair the user pasted (`chainOf`,
 * a fingerprint of the pasted refresh token): pasting a new pair starts a new chain.
 *
 * Two steps may run `sessionConfig.perform` at once from the same authData. The first rotates the
 * refresh token; the second would be refused and, read as a dead token, expire a healthy
 * connection. So each refresh also leaves its pair in z.cache (this connection only, one hour),
 * where the core's token manager finds the winner's pair when its own refresh is refused, and
 * where a later perform starts from the newest pair even before Zapier has merged it.
 */
import { createHash } from 'node:crypto';
import {
  GoOutTokenManager,
  createMemoryStateStore,
  type GoOutInitialTokens,
  type GoOutTokens,
  type HttpTransport,
  type RefreshVariant,
  type StateStore,
} from '@ecomail-bridge/shared';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { secureBaseUrl } from '../platform/base-url';
import { ZAPIER_RETRY } from '../platform/retry';
import { connectionCache } from '../platform/scoped-cache';
import { zapierSleep } from '../platform/sleep';
import { createZapierTransport } from '../platform/zapier-transport';

export const GOOUT_DEFAULT_BASE_URL = 'https://goout.net';
const STATE_KEY = 'goout.tokens';
/** Long enough for any two overlapping steps; Zapier's authData holds the pair after that. */
const SHARED_PAIR_TTL_SECONDS = 3_600;

/** authData keys written by `sessionConfig.perform` (declared as computed fields). */
export const COMPUTED_KEYS = [
  'accessToken',
  'refreshToken',
  'accessObtainedAt',
  'accessTtlSeconds',
  'refreshObtainedAt',
  'refreshTtlSeconds',
  'refreshVariant',
  'chainOf',
] as const;
export type SessionFields = Record<(typeof COMPUTED_KEYS)[number], string>;

export function baseUrlOf(bundle: Bundle): string {
  return bundle.authData.baseUrl || GOOUT_DEFAULT_BASE_URL;
}

/** Not the token itself: enough to tell whether stored tokens descend from the pasted pair. */
function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

function pastedPair(bundle: Bundle): GoOutInitialTokens {
  return { accessToken: bundle.authData.initialAccessToken ?? '', refreshToken: bundle.authData.initialRefreshToken ?? '' };
}

/** The stored token chain, when it belongs to the pair the user pasted. */
function storedTokens(bundle: Bundle): GoOutTokens | undefined {
  const a = bundle.authData;
  if (!a.accessToken || !a.refreshToken || a.chainOf !== fingerprint(pastedPair(bundle).refreshToken)) return undefined;
  return {
    accessToken: a.accessToken,
    refreshToken: a.refreshToken,
    accessObtainedAt: a.accessObtainedAt,
    accessTtlSeconds: Number(a.accessTtlSeconds),
    refreshObtainedAt: a.refreshObtainedAt,
    refreshTtlSeconds: Number(a.refreshTtlSeconds),
    refreshVariant: (a.refreshVariant || undefined) as RefreshVariant | undefined,
  };
}

function managerFor(bundle: Bundle, transport: HttpTransport, state: StateStore, retry = ZAPIER_RETRY): GoOutTokenManager {
  return new GoOutTokenManager({
    baseUrl: baseUrlOf(bundle),
    transport,
    sleep: zapierSleep,
    retry,
    initial: pastedPair(bundle),
    state,
    stateKey: STATE_KEY,
  });
}

/**
 * The chain's newest pair: the one a refresh left in z.cache, else the one in authData. Whether a
 * connection-scoped z.cache exists while a connection is first being created is unproven [A]; if
 * it fails, the refresh goes on with authData alone and its pair still reaches Zapier as the
 * perform's result — only the race protection is lost.
 */
function sharedStore(z: ZObject, bundle: Bundle): StateStore {
  const cache = connectionCache(z);
  const key = `${STATE_KEY}.${fingerprint(pastedPair(bundle).refreshToken)}`;
  return {
    get: async <T>() => ((await cache.get(key).catch(() => undefined)) ?? storedTokens(bundle)) as T | undefined,
    set: async <T>(_key: string, value: T) => cache.set(key, value, SHARED_PAIR_TTL_SECONDS).catch(() => undefined),
  };
}

/** `sessionConfig.perform`: refresh now and hand the whole token store to Zapier to keep. */
export async function refreshSession(z: ZObject, bundle: Bundle): Promise<SessionFields> {
  // The refresh carries the refresh token: never over plain http.
  secureBaseUrl(z, bundle.authData.baseUrl, 'GoOut');
  const tokens = await managerFor(bundle, createZapierTransport(z), sharedStore(z, bundle)).refresh();
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessObtainedAt: tokens.accessObtainedAt,
    accessTtlSeconds: String(tokens.accessTtlSeconds),
    refreshObtainedAt: tokens.refreshObtainedAt,
    refreshTtlSeconds: String(tokens.refreshTtlSeconds),
    refreshVariant: tokens.refreshVariant ?? '',
    chainOf: fingerprint(pastedPair(bundle).refreshToken),
  };
}

/**
 * The token manager for a trigger run: it may ask for a refresh, but the request never leaves;
 * `refreshWanted()` tells the caller to raise RefreshAuthError instead.
 */
export function runTokenManager(bundle: Bundle): { tokens: GoOutTokenManager; refreshWanted: () => boolean } {
  let wanted = false;
  const divert: HttpTransport = async () => {
    wanted = true;
    throw new Error('GoOut tokens are refreshed by sessionConfig.perform, not inside a run');
  };
  const stored = storedTokens(bundle);
  const state = createMemoryStateStore(stored ? { [STATE_KEY]: stored } : {});
  // No retries: the diverted call fails at once instead of backing off.
  return { tokens: managerFor(bundle, divert, state, { maxRetries: 0 }), refreshWanted: () => wanted };
}
