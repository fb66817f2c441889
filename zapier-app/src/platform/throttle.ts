/**
 * The Retry-After of the last 429 a run received. The core's errors carry the status but not the
 * headers, so the transport notes the wait here (per run: keyed by the run's `z`) and the error
 * mapping hands it to ThrottledError, which tells Zapier when to run the step again.
 */
import { parseRetryAfter } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';

/** Zapier's wait after a 429 that named no usable Retry-After. */
export const THROTTLE_FALLBACK_SECONDS = 60;

const waits = new WeakMap<ZObject, number>();

export function noteThrottle(z: ZObject, retryAfter: string | undefined): void {
  const ms = parseRetryAfter(retryAfter, Date.now());
  waits.set(z, ms === undefined ? THROTTLE_FALLBACK_SECONDS : Math.max(1, Math.ceil(ms / 1000)));
}

export function throttleSeconds(z: ZObject): number {
  return waits.get(z) ?? THROTTLE_FALLBACK_SECONDS;
}

/** What happened, honestly: nothing waited; Zapier will run the step again later. */
export function throttledError(z: ZObject, service: string, what: string): Error {
  const seconds = throttleSeconds(z);
  return new z.errors.ThrottledError(`${service} answered 429 Too Many Requests (${what}); Zapier runs this step again in ${seconds} s.`, seconds);
}
