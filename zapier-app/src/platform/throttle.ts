/**
 * ThrottledError for a 429, with the service's own Retry-After — or the wait it names another way
 * (`waitMs`: GetResponse's seconds left in its window) — so Zapier runs the step again after that
 * many seconds. Nothing waits inside the step (retry.ts), so the message says what happened.
 */
import { parseRetryAfter } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import type { Answer } from './answer';

/** Zapier's wait after a 429 that named no usable Retry-After. */
export const THROTTLE_FALLBACK_SECONDS = 60;

export function throttledError(z: ZObject, service: string, answer: Answer, waitMs?: number): Error {
  const ms = parseRetryAfter(answer.headers['retry-after'], Date.now()) ?? waitMs;
  const seconds = ms === undefined ? THROTTLE_FALLBACK_SECONDS : Math.max(1, Math.ceil(ms / 1000));
  return new z.errors.ThrottledError(`${service} answered 429 Too Many Requests (${answer.call}); Zapier runs this step again in ${seconds} s.`, seconds);
}
