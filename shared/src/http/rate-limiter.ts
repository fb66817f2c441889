import type { Clock, Sleep } from '../ports';

/**
 * At most `limit` requests in any sliding window of `windowMs`. Callers queue in arrival order, so
 * a burst of 10,000 concurrent calls is spread evenly instead of stampeding. A 429 from the server
 * pauses the whole key until its Retry-After has passed, because every other request would be
 * refused too.
 */
export class RateLimiter {
  private readonly stamps: number[] = [];
  private head = 0;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: Clock,
    private readonly sleep: Sleep,
  ) {
    if (!(limit > 0) || !(windowMs > 0)) throw new RangeError('rate limit and window must be positive');
  }

  /** Resolves when one more request may be sent. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every caller of this key until `untilMs` (clock time). */
  pauseUntil(untilMs: number): void {
    if (untilMs > this.pausedUntil) this.pausedUntil = untilMs;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const t = this.now();
      if (t < this.pausedUntil) {
        await this.sleep(this.pausedUntil - t);
        continue;
      }
      while (this.head < this.stamps.length && this.stamps[this.head] <= t - this.windowMs) this.head++;
      if (this.head > 1024 && this.head * 2 > this.stamps.length) {
        this.stamps.splice(0, this.head);
        this.head = 0;
      }
      if (this.stamps.length - this.head < this.limit) {
        this.stamps.push(t);
        return;
      }
      await this.sleep(Math.max(1, this.stamps[this.head] + this.windowMs - t));
    }
  }
}

const limiters = new Map<string, RateLimiter>();

/**
 * One limiter per API key (and limit), shared by every client instance in this process, so two
 * nodes of one workflow or two parallel CLI tasks with the same key stay under the limit together.
 * The key is held in memory only.
 */
export function sharedRateLimiter(
  key: string,
  limit: number,
  windowMs: number,
  now: Clock,
  sleep: Sleep,
): RateLimiter {
  const id = `${limit}/${windowMs}/${key}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiter(limit, windowMs, now, sleep);
    limiters.set(id, limiter);
  }
  return limiter;
}
