/**
 * GoOut errors → Zapier errors, in one place: a dead refresh token → ExpiredAuthError (only the
 * user can paste a new pair), a refresh the run asked for → RefreshAuthError (Zapier refreshes in
 * sessionConfig.perform and retries), 429 → ThrottledError, other 4xx → z.errors.Error.
 */
import { GoOutApiError, GoOutReconnectError } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import { THROTTLE_FALLBACK_SECONDS } from '../platform/retry';

export async function withGoOutErrors<T>(z: ZObject, run: () => Promise<T>, refreshWanted: () => boolean = () => false): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (refreshWanted()) throw new z.errors.RefreshAuthError('The GoOut access token needs a refresh.');
    if (error instanceof GoOutReconnectError) throw new z.errors.ExpiredAuthError(error.message);
    if (error instanceof GoOutApiError) {
      if (error.status === 429) throw new z.errors.ThrottledError(error.message, THROTTLE_FALLBACK_SECONDS);
      if (error.status >= 400 && error.status < 500) throw new z.errors.Error(error.message, 'GoOutRejected', error.status);
    }
    throw error;
  }
}
