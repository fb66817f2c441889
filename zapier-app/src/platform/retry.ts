import type { RetryOptions } from '@ecomail-bridge/shared';

/**
 * The core's retry policy, sized for a Zapier step (about 30 s per run): a couple of short retries
 * for 5xx and dropped connections, and never a wait on 429. Each app's afterResponse rule ends the
 * step with ThrottledError on a 429, so Zapier reschedules it instead of the step sleeping through
 * its budget; `maxRateLimitRetries: 0` keeps a 429 that reached the core from being slept on either.
 */
export const ZAPIER_RETRY: Partial<RetryOptions> = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 4_000,
  maxRateLimitRetries: 0,
};
