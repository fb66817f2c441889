/**
 * SALESmanago's errors in a Zap, in two places by where they come from (docs/zapier-platform.md §6.1):
 * - `salesManagoAnswers`, the app's afterResponse rule (index.ts): an HTTP 429 → ThrottledError
 *   (SALESmanago names no wait, so Zapier's 60 s), a 401 / 403 → ExpiredAuthError.
 * - `salesManagoCoreError`, for what the core reads inside an answer (withErrorMapping, index.ts).
 *   SALESmanago says most things with `success: false` on HTTP 200, and whether that fails one
 *   call, one contact of a package or the whole run is the core's reading (docs/salesmanago.md
 *   §2.3): refused credentials → ExpiredAuthError; throttling said in a 200 (the core reads it as a
 *   429) → ThrottledError; any other refusal or 4xx → z.errors.Error with SALESmanago's message;
 *   a choice SALESmanago cannot honour → an input error. 5xx after the core's retries and lost
 *   connections are passed on for Zapier's replay.
 */
import { SALESMANAGO_CREDENTIALS_REFUSED, SalesManagoApiError, SalesManagoValidationError } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import type { AnswerRule } from '../platform/answer-middleware';
import { THROTTLE_FALLBACK_SECONDS, throttledError } from '../platform/throttle';
import { zapierWording } from '../platform/wording';

const CREDENTIALS_REFUSED = `${zapierWording(SALESMANAGO_CREDENTIALS_REFUSED)}.`;

export const salesManagoAnswers: AnswerRule = (answer, z) => {
  if (answer.status === 401 || answer.status === 403) return new z.errors.ExpiredAuthError(CREDENTIALS_REFUSED);
  if (answer.status === 429) return throttledError(z, 'SALESmanago', answer);
  return undefined;
};

export function salesManagoCoreError(z: ZObject, error: unknown): unknown {
  if (error instanceof SalesManagoValidationError) return new z.errors.Error(zapierWording(error.reason), 'InvalidInput', 400);
  if (!(error instanceof SalesManagoApiError)) return error;
  if (error.isAuthError) return new z.errors.ExpiredAuthError(zapierWording(error.message));
  if (error.status === 429) {
    const seconds = THROTTLE_FALLBACK_SECONDS;
    return new z.errors.ThrottledError(`SALESmanago said it is throttling (POST ${error.path}); Zapier runs this step again in ${seconds} s.`, seconds);
  }
  if (error.kind === 'refused' || (error.status >= 400 && error.status < 500)) return new z.errors.Error(zapierWording(error.message), 'SalesManagoRejected', error.status);
  return error;
}
