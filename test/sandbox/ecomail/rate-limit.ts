import type { RateLimitConfig } from './types';

/** Sliding-window limit per API key. Refused requests are not counted (like Laravel's throttle). */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private config: RateLimitConfig) {
    SlidingWindowLimiter.check(config);
  }

  set(config: RateLimitConfig): void {
    SlidingWindowLimiter.check(config);
    this.config = { ...config };
  }

  /** Counts a request and returns 0, or returns the ms until a slot frees (request not counted). */
  take(key: string, now: number): number {
    const windowStart = now - this.config.windowMs;
    const times = this.hits.get(key) ?? [];
    let expired = 0;
    while (expired < times.length && times[expired] <= windowStart) expired++;
    times.splice(0, expired);
    if (times.length >= this.config.requests) {
      // The slot frees when the request `requests` places back leaves the window.
      const freeing = times[times.length - this.config.requests];
      return Math.max(1, freeing + this.config.windowMs - now);
    }
    times.push(now);
    this.hits.set(key, times);
    return 0;
  }

  reset(): void {
    this.hits.clear();
  }

  private static check(config: RateLimitConfig): void {
    if (!Number.isInteger(config.requests) || config.requests < 1 || !(config.windowMs > 0)) {
      throw new RangeError('rateLimit needs requests >= 1 (integer) and windowMs > 0');
    }
  }
}
