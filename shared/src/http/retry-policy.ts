import { isFinalAnswer, type Clock, type HttpRequest, type HttpResponse, type HttpTransport, type Sleep } from '../ports';
import type { RateLimiter } from './rate-limiter';
import { rateWindowPauseMs, type RateWindowReader } from './rate-window';
import { redactSecrets } from './redact';

export interface RetryOptions {
  /** Attempts after the first one for 5xx answers and network faults. */
  maxRetries: number;
  /** Attempts after the first one for 429 answers. */
  maxRateLimitRetries: number;
  /** First backoff step for 5xx / network faults; doubles each time, with equal jitter (see `backoff`). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wait used when a 429 carries no usable Retry-After. */
  defaultRetryAfterMs: number;
  /**
   * How a 429 without a usable Retry-After (nor a reported rate window) is waited out: the fixed
   * `defaultRetryAfterMs`, or `backoff` — the exponential steps of a 5xx — for APIs that publish
   * no limits and send no header (SALESmanago, docs/salesmanago.md §2).
   */
  throttleWithoutRetryAfter: 'default-wait' | 'backoff';
  /** Multiplies Retry-After; only tests and benchmarks with a scaled clock change it. */
  retryAfterScale: number;
}

export const defaultRetryOptions: RetryOptions = {
  maxRetries: 5,
  maxRateLimitRetries: 20,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  defaultRetryAfterMs: 60_000,
  throttleWithoutRetryAfter: 'default-wait',
  retryAfterScale: 1,
};

export interface PolicyDeps {
  transport: HttpTransport;
  sleep: Sleep;
  now: Clock;
  limiter?: RateLimiter;
  retry?: Partial<RetryOptions>;
  random?: () => number;
  /** Called before each retry; lets the CLI and the reliability suite count faults. */
  onRetry?: (info: RetryInfo) => void;
  /**
   * For an API that reports its rate window on every reply (GetResponse): a 429 without
   * Retry-After waits for the window's reset, and a window that is (nearly) spent holds the
   * limiter's callers before they are refused.
   */
  rateWindow?: RateWindowReader;
}

export interface RetryInfo {
  reason: 'rate-limited' | 'server-error' | 'network';
  attempt: number;
  waitMs: number;
  status?: number;
}

/** Raised when the transport never got an HTTP answer, after the retries ran out. */
export class NetworkFault extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'NetworkFault';
  }
}

/**
 * Parses Retry-After (seconds or an HTTP date) into milliseconds to wait.
 * Returns undefined when the header is missing or unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

function describeFault(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code) return code;
    if (typeof message === 'string' && message) return message;
  }
  return 'connection failed';
}

/**
 * Sends one request under the project's HTTP policy, written once for every API we call:
 * rate limit before sending; 429 → wait Retry-After (else the reported window's reset, else 60 s
 * or, where the client chose it, the 5xx backoff) and try again; a reported window that is nearly
 * spent slows the limiter down; 5xx and network faults → bounded exponential backoff with jitter; any other status is returned to the caller,
 * which turns non-2xx into its own error type. Never retries other 4xx, nor a transport's
 * `finalAnswer` rejection, which is thrown unchanged.
 */
export async function sendWithPolicy(request: HttpRequest, deps: PolicyDeps): Promise<HttpResponse> {
  const retry = { ...defaultRetryOptions, ...deps.retry };
  const random = deps.random ?? Math.random;
  let faults = 0;
  let throttles = 0;
  for (;;) {
    if (deps.limiter) await deps.limiter.acquire();
    let response: HttpResponse;
    try {
      response = await deps.transport(request);
    } catch (error) {
      // The transport's host already answered for this request: passed on, neither retried nor replaced.
      if (isFinalAnswer(error)) throw error;
      faults++;
      if (faults > retry.maxRetries) {
        // A transport's message may quote the URL, query string and all.
        throw new NetworkFault(`no answer after ${faults} attempts (${redactSecrets(describeFault(error))})`, faults);
      }
      const waitMs = backoff(faults, retry, random);
      deps.onRetry?.({ reason: 'network', attempt: faults, waitMs });
      await deps.sleep(waitMs);
      continue;
    }
    deps.limiter?.observe(response);
    const window = deps.rateWindow?.(response);
    if (response.status === 429 && throttles < retry.maxRateLimitRetries) {
      throttles++;
      const now = deps.now();
      // A window reported as resetting within the second still gets a second: its Reset is whole seconds.
      const told = parseRetryAfter(response.headers['retry-after'], now) ?? (window && Math.max(1000, window.resetMs));
      const waitMs = throttleWaitMs(told, throttles, retry, random);
      deps.onRetry?.({ reason: 'rate-limited', attempt: throttles, waitMs, status: 429 });
      if (deps.limiter) deps.limiter.pauseUntil(now + waitMs);
      else await deps.sleep(waitMs);
      continue;
    }
    if (response.status >= 500 && faults < retry.maxRetries) {
      faults++;
      const waitMs = backoff(faults, retry, random);
      deps.onRetry?.({ reason: 'server-error', attempt: faults, waitMs, status: response.status });
      await deps.sleep(waitMs);
      continue;
    }
    const pauseMs = window && deps.limiter ? rateWindowPauseMs(window) * retry.retryAfterScale : 0;
    if (pauseMs > 0) deps.limiter?.pauseUntil(deps.now() + pauseMs);
    return response;
  }
}

function backoff(attempt: number, retry: RetryOptions, random: () => number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  // "Equal jitter": never less than half the step, so retries cannot collapse into a stampede.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** How long a 429 is waited out: what the server told (scaled), else the client's choice for an API that tells nothing. */
function throttleWaitMs(told: number | undefined, attempt: number, retry: RetryOptions, random: () => number): number {
  if (told === undefined && retry.throttleWithoutRetryAfter === 'backoff') return backoff(attempt, retry, random);
  return (told ?? retry.defaultRetryAfterMs) * retry.retryAfterScale;
}
