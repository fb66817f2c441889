export { buildUrl, joinUrl } from './url';
export { REDACTED, SecretRedactor, isSecretName, redactSecrets } from './redact';
export { RateLimiter, sharedRateLimiter } from './rate-limiter';
export { rateWindowPauseMs, secondsLeftRateWindow, type RateWindow, type RateWindowReader } from './rate-window';
export {
  NetworkFault,
  defaultRetryOptions,
  parseRetryAfter,
  sendWithPolicy,
  type PolicyDeps,
  type RetryInfo,
  type RetryOptions,
} from './retry-policy';
