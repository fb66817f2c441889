/**
 * The one place where the core's Ecomail errors become Zapier errors:
 * 401 → ExpiredAuthError (the key is dead: the user must reconnect), 429 → ThrottledError (Zapier
 * reschedules), other 4xx and refused input → z.errors.Error with Ecomail's own message, anything
 * else (5xx after the core's retries, no answer) is passed on for Zapier's replay.
 */
import { EcomailApiError, EcomailValidationError } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import { THROTTLE_FALLBACK_SECONDS } from '../platform/retry';

export async function withEcomailErrors<T>(z: ZObject, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toZapierError(z, error);
  }
}

function toZapierError(z: ZObject, error: unknown): unknown {
  if (error instanceof EcomailValidationError) return new z.errors.Error(error.reason, 'InvalidInput', 400);
  if (!(error instanceof EcomailApiError)) return error;
  if (error.isAuthError || error.status === 403) return new z.errors.ExpiredAuthError(error.message);
  if (error.isRateLimited) return new z.errors.ThrottledError(error.message, THROTTLE_FALLBACK_SECONDS);
  if (error.status >= 400 && error.status < 500) return new z.errors.Error(error.message, 'EcomailRejected', error.status);
  return error;
}
