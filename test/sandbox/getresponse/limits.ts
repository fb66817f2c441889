import type { GetResponseRateLimit } from './types';

export const DEFAULT_RATE_LIMIT: GetResponseRateLimit = { requests: 30_000, windowMs: 600_000, burst: 80, maxConcurrent: 10 };

interface KeyState {
  windowStart: number;
  count: number;
  secondStart: number;
  secondCount: number;
  inFlight: number;
}

export type Admission =
  | { admitted: true; headers: Record<string, string> }
  | { admitted: false; headers: Record<string, string>; reason: string };

/**
 * GetResponse's limits per API key (docs/getresponse.md §6): a fixed window (30,000 calls per
 * 10 minutes), a burst of 80 a second and at most 10 requests at once. Every reply carries
 * `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds left in the window). How the burst and
 * parallel limits are reported is not documented [U]: here their 429 carries the one-second
 * window in the same headers. Refused calls are not counted.
 */
export class AccountLimits {
  private config: GetResponseRateLimit;
  private readonly keys = new Map<string, KeyState>();

  constructor(config: Partial<GetResponseRateLimit> = {}) {
    this.config = AccountLimits.checked({ ...DEFAULT_RATE_LIMIT, ...config });
  }

  set(config: Partial<GetResponseRateLimit>): void {
    this.config = AccountLimits.checked({ ...this.config, ...config });
  }

  get limit(): GetResponseRateLimit {
    return { ...this.config };
  }

  /** Counts one call that starts now, or says why it is refused. Call `end` when an admitted one is answered. */
  begin(key: string, now: number): Admission {
    const state = this.stateOf(key, now);
    if (state.inFlight >= this.config.maxConcurrent) return this.refusal('too many requests at once', 1);
    if (state.secondCount >= this.config.burst) return this.refusal('too many requests in one second', 1);
    if (state.count >= this.config.requests) {
      return { admitted: false, headers: this.windowHeaders(state, now), reason: 'the throttling limit has been reached' };
    }
    state.count++;
    state.secondCount++;
    state.inFlight++;
    return { admitted: true, headers: this.windowHeaders(state, now) };
  }

  end(key: string): void {
    const state = this.keys.get(key);
    if (state && state.inFlight > 0) state.inFlight--;
  }

  /** The headers an injected throttle carries: the window spent, resetting after `seconds`. */
  throttled(seconds: number): Record<string, string> {
    return { 'X-RateLimit-Limit': String(this.config.requests), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(seconds) };
  }

  reset(): void {
    this.keys.clear();
  }

  private stateOf(key: string, now: number): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { windowStart: now, count: 0, secondStart: now, secondCount: 0, inFlight: 0 };
      this.keys.set(key, state);
    }
    if (now >= state.windowStart + this.config.windowMs) {
      state.windowStart = now;
      state.count = 0;
    }
    if (now >= state.secondStart + 1000) {
      state.secondStart = now;
      state.secondCount = 0;
    }
    return state;
  }

  private windowHeaders(state: KeyState, now: number): Record<string, string> {
    const resetSeconds = Math.max(0, Math.ceil((state.windowStart + this.config.windowMs - now) / 1000));
    return {
      'X-RateLimit-Limit': String(this.config.requests),
      'X-RateLimit-Remaining': String(Math.max(0, this.config.requests - state.count)),
      'X-RateLimit-Reset': String(resetSeconds),
    };
  }

  private refusal(reason: string, seconds: number): Admission {
    return { admitted: false, reason, headers: { 'X-RateLimit-Limit': String(this.config.burst), 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(seconds) } };
  }

  private static checked(config: GetResponseRateLimit): GetResponseRateLimit {
    for (const key of ['requests', 'windowMs', 'burst', 'maxConcurrent'] as const) {
      if (!Number.isInteger(config[key]) || config[key] < 1) throw new RangeError(`rate limit ${key} must be a whole number of at least 1`);
    }
    return config;
  }
}
