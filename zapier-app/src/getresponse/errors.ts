/**
 * GetResponse's errors in a Zap, in two places by where they come from (docs/zapier-platform.md §6.1):
 * - `getResponseAnswers`, the app's afterResponse rule (index.ts), for answers that mean the same
 *   for every call: a refused key or MAX domain (401 / 403) → ExpiredAuthError with the core's
 *   words (the user must reconnect); 429 → ThrottledError after GetResponse's own window, whose
 *   `X-RateLimit-Reset` counts the seconds left (docs/getresponse.md §6).
 * - `getResponseCoreError`, for the core's verdicts on one call (withErrorMapping, index.ts): a 409
 *   on a create means "update instead" to the core, so only a 4xx that reaches the perform becomes
 *   z.errors.Error with GetResponse's message. 5xx after the core's retries and lost connections
 *   are passed on for Zapier's replay.
 */
import { GETRESPONSE_ACCESS_REFUSED, GETRESPONSE_KEY_REJECTED, GetResponseApiError, secondsLeftRateWindow } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import type { AnswerRule } from '../platform/answer-middleware';
import { throttledError } from '../platform/throttle';
import { zapierWording } from '../platform/wording';

export const getResponseAnswers: AnswerRule = (answer, z) => {
  if (answer.status === 401) return new z.errors.ExpiredAuthError(`${zapierWording(GETRESPONSE_KEY_REJECTED)}.`);
  if (answer.status === 403) return new z.errors.ExpiredAuthError(`${zapierWording(GETRESPONSE_ACCESS_REFUSED)}.`);
  if (answer.status === 429) return throttledError(z, 'GetResponse', answer, secondsLeftRateWindow(answer)?.resetMs);
  return undefined;
};

export function getResponseCoreError(z: ZObject, error: unknown): unknown {
  if (error instanceof GetResponseApiError && error.status >= 400 && error.status < 500) {
    return new z.errors.Error(zapierWording(error.message), 'GetResponseRejected', error.status);
  }
  return error;
}
