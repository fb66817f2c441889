/**
 * The GoOut app's one error map (applied to the whole app in index.ts): a dead refresh token →
 * ExpiredAuthError (only the user can paste a new pair), 429 → ThrottledError with GoOut's
 * Retry-After, other 4xx → z.errors.Error.
 *
 * `withGoOutErrors` is the session's part: when the run's token manager asked for a refresh (which
 * only `sessionConfig.perform` may do, see session.ts), the run ends with RefreshAuthError whatever
 * the error was, so Zapier refreshes and retries.
 */
import { GoOutApiError, GoOutReconnectError } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import { throttledError } from '../platform/throttle';

export function goOutZapierError(z: ZObject, error: unknown): unknown {
  if (error instanceof GoOutReconnectError) return new z.errors.ExpiredAuthError(error.message);
  if (error instanceof GoOutApiError) {
    if (error.status === 429) return throttledError(z, 'GoOut', `${error.method} ${error.path}`);
    if (error.status >= 400 && error.status < 500) return new z.errors.Error(error.message, 'GoOutRejected', error.status);
  }
  return error;
}

export async function withGoOutErrors<T>(z: ZObject, run: () => Promise<T>, refreshWanted: () => boolean = () => false): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (refreshWanted()) throw new z.errors.RefreshAuthError('The GoOut access token needs a refresh.');
    throw goOutZapierError(z, error);
  }
}
