import type { RetryOptions } from '@ecomail-bridge/shared';

/**
 * The core's retry policy, sized for a Zapier step (about 30 s per run): a couple of short retries
 * for 5xx and dropped connections, and no waiting on 429 — the 429 comes back to the app, which
 * raises ThrottledError so Zapier reschedules the step instead of sleeping through its budget.
 */
export const ZAPIER_RETRY: Partial<RetryOptions> = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxRateLimitRetries: 0,
};
