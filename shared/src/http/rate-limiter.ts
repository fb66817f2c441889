import type { Clock, HttpResponse, Sleep } from '../ports';
import { RateAllowance } from './rate-allowance';

/**
 * At most `allowance` requests in any sliding window of `windowMs`, the allowance starting at
 * `limit` and adapting to the server (RateAllowance). Callers queue in arrival order, so a burst
 * of 10,000 concurrent calls is spread evenly instead of stampeding. A 429 from the server pauses
 * the whole key until its Retry-After has passed, because every other request would be refused too.
 */
export class RateLimiter {
  private readonly stamps: number[] = [];
  private head = 0;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly allowance: RateAllowance;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: Clock,
    private readonly sleep: Sleep,
  ) {
    if (!(limit > 0) || !(windowMs > 0)) throw new RangeError('rate limit and window must be positive');
    this.allowance = new RateAllowance(limit, windowMs, now());
  }

  /** Requests per window this process allows itself now (the limit until the server objects). */
  get currentAllowance(): number {
    return this.allowance.current;
  }

  /** Resolves when one more request may be sent. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * The server refused with 429 until `untilMs` (clock time): holds every caller of this key until
   * then, and lowers the allowance, since the key's window is full.
   */
  pauseUntil(untilMs: number): void {
    const now = this.now();
    if (untilMs > this.pausedUntil) this.pausedUntil = untilMs;
    this.allowance.refused(now, this.inWindow(now));
  }

  /**
   * Rate headers of any answer, when the server sends them (Ecomail documents none,
   * docs/ecomail-api.md §1.2): `X-RateLimit-Limit` caps the allowance, `X-RateLimit-Remaining: 0`
   * on an accepted request lowers it before the first refusal.
   */
  observe(response: Pick<HttpResponse, 'status' | 'headers'>): void {
    const limit = wholeNumber(response.headers['x-ratelimit-limit']);
    if (limit !== undefined && limit > 0) this.allowance.reportedLimit(limit);
    if (response.status !== 429 && wholeNumber(response.headers['x-ratelimit-remaining']) === 0) {
      const now = this.now();
      this.allowance.refused(now, this.inWindow(now));
    }
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const t = this.now();
      if (t < this.pausedUntil) {
        await this.sleep(this.pausedUntil - t);
        continue;
      }
      const inWindow = this.inWindow(t);
      if (inWindow < this.allowance.current) {
        this.stamps.push(t);
        this.allowance.sent();
        return;
      }
      this.allowance.saturated(t);
      if (inWindow < this.allowance.current) continue;
      // The slot frees when enough of the oldest requests have left the window for one more.
      const freeing = this.stamps[this.head + inWindow - this.allowance.current];
      await this.sleep(Math.max(1, freeing + this.windowMs - t));
    }
  }

  /** Requests this process sent in the window ending at `t` (older stamps are dropped). */
  private inWindow(t: number): number {
    while (this.head < this.stamps.length && this.stamps[this.head] <= t - this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
    return this.stamps.length - this.head;
  }
}

function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

const limiters = new Map<string, RateLimiter>();

/**
 * One limiter per API key (and limit), shared by every client instance in this process, so two
 * nodes of one workflow or two parallel CLI tasks with the same key stay under the limit together;
 * other processes on the key are met through the server's answers (RateAllowance).
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
