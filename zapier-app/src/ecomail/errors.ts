/**
 * Ecomail's errors in a Zap, in two places by where they come from:
 * - `ecomailAnswers`, the app's afterResponse rule (index.ts), for answers that mean the same for
 *   every call: a refused key (401/403) → ExpiredAuthError (the user must reconnect), 429 →
 *   ThrottledError with Ecomail's Retry-After.
 * - `ecomailCoreError`, for the core's own verdicts, which no middleware sees (applied to the whole
 *   app by withErrorMapping, index.ts): a contact refused before sending, and the 4xx the core
 *   judged for its call (a 404 is "not found" for a lookup but an error for a write; a 400/422 may
 *   refuse one row of a bulk call) → z.errors.Error with the core's message. 5xx after the core's
 *   retries and lost connections are passed on for Zapier's replay.
 */
import { EcomailApiError, EcomailValidationError } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import type { AnswerRule } from '../platform/answer-middleware';
import { throttledError } from '../platform/throttle';
import { zapierWording } from '../platform/wording';

export const ECOMAIL_KEY_REFUSED =
  'Ecomail refused the API key. Reconnect with the current key from Ecomail → Manage account → For developers (generating a new key stops the old one at once).';

export const ecomailAnswers: AnswerRule = (answer, z) => {
  if (answer.status === 401 || answer.status === 403) return new z.errors.ExpiredAuthError(ECOMAIL_KEY_REFUSED);
  if (answer.status === 429) return throttledError(z, 'Ecomail', answer);
  return undefined;
};

export function ecomailCoreError(z: ZObject, error: unknown): unknown {
  if (error instanceof EcomailValidationError) return new z.errors.Error(zapierWording(error.reason), 'InvalidInput', 400);
  if (error instanceof EcomailApiError && error.status >= 400 && error.status < 500) {
    return new z.errors.Error(zapierWording(error.message), 'EcomailRejected', error.status);
  }
  return error;
}
