/**
 * The IdoSell app's one error map (applied to the whole app in index.ts): a refused key →
 * ExpiredAuthError (only the merchant can fix it), a used-up monthly quota or a fault inside an
 * HTTP 200 → z.errors.Error with IdoSell's text, 429 → ThrottledError.
 */
import { IdoSellApiError, IdoSellAuthError, IdoSellQuotaError } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import { throttledError } from '../platform/throttle';

export function idoSellZapierError(z: ZObject, error: unknown): unknown {
  if (error instanceof IdoSellAuthError) return new z.errors.ExpiredAuthError(error.message);
  if (error instanceof IdoSellQuotaError) return new z.errors.Error(error.message, 'IdoSellQuota', 429);
  if (error instanceof IdoSellApiError) {
    if (error.status === 429) return throttledError(z, 'IdoSell', error.gate);
    if (error.status < 500) return new z.errors.Error(error.message, 'IdoSellRejected', error.status);
  }
  return error;
}
