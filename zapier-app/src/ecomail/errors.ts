/**
 * The Ecomail app's one error map (applied to the whole app in index.ts):
 * refused key (401/403) → ExpiredAuthError (the user must reconnect), 429 → ThrottledError with
 * Ecomail's Retry-After (Zapier runs the step again then), other 4xx and refused input →
 * z.errors.Error with Ecomail's own message, anything else (5xx after the core's retries, no
 * answer) is passed on for Zapier's replay.
 */
import { EcomailApiError, EcomailValidationError } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import { throttledError } from '../platform/throttle';
import { zapierWording } from '../platform/wording';

export const ECOMAIL_KEY_REFUSED =
  'Ecomail refused the API key. Reconnect with the current key from Ecomail → Manage account → For developers (generating a new key stops the old one at once).';

export function ecomailZapierError(z: ZObject, error: unknown): unknown {
  if (error instanceof EcomailValidationError) return new z.errors.Error(zapierWording(error.reason), 'InvalidInput', 400);
  if (!(error instanceof EcomailApiError)) return error;
  if (error.isAuthError || error.status === 403) return new z.errors.ExpiredAuthError(ECOMAIL_KEY_REFUSED);
  if (error.isRateLimited) return throttledError(z, 'Ecomail', `${error.method} ${error.path}`);
  if (error.status >= 400 && error.status < 500) return new z.errors.Error(zapierWording(error.message), 'EcomailRejected', error.status);
  return error;
}
