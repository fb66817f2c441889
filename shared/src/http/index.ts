export { buildUrl, joinUrl } from './url';
export { RateLimiter, sharedRateLimiter } from './rate-limiter';
export {
  NetworkFault,
  defaultRetryOptions,
  parseRetryAfter,
  sendWithPolicy,
  type PolicyDeps,
  type RetryInfo,
  type RetryOptions,
} from './retry-policy';
