import { RateLimiter } from '@ecomail-bridge/shared';
import { virtualTime } from '../virtual-time';

describe('RateLimiter', () => {
  it('never lets more than the limit through in any window', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(10, 60_000, time.now, time.sleep);
    const stamps: number[] = [];
    await Promise.all(Array.from({ length: 35 }, () => limiter.acquire().then(() => stamps.push(time.now()))));
    expect(stamps).toHaveLength(35);
    for (let i = 10; i < stamps.length; i++) expect(stamps[i] - stamps[i - 10]).toBeGreaterThanOrEqual(60_000);
    // 35 requests at 10 per minute need three full windows of waiting, and no more.
    expect(time.elapsed()).toBe(180_000);
  });

  it('holds every caller while paused by a 429', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(100, 60_000, time.now, time.sleep);
    await limiter.acquire();
    limiter.pauseUntil(time.now() + 5_000);
    await limiter.acquire();
    expect(time.elapsed()).toBe(5_000);
  });

  it('lowers the allowance on a 429: the key is shared with another process', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(100, 60_000, time.now, time.sleep);
    for (let i = 0; i < 40; i++) await limiter.acquire();
    limiter.pauseUntil(time.now() + 1_000);
    expect(limiter.currentAllowance).toBe(50);
    // 40 sent in this window: ten more go through after the pause, the eleventh waits for the window.
    for (let i = 0; i < 10; i++) await limiter.acquire();
    expect(time.elapsed()).toBe(1_000);
    await limiter.acquire();
    expect(time.elapsed()).toBe(60_000);
  });

  it('follows rate headers when the server sends them', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(1000, 60_000, time.now, time.sleep);
    limiter.observe({ status: 200, headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9' } });
    expect(limiter.currentAllowance).toBe(10);
    for (let i = 0; i < 10; i++) await limiter.acquire();
    limiter.observe({ status: 200, headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0' } });
    // Spent before the first refusal: 80 % of the ten sent.
    expect(limiter.currentAllowance).toBe(8);
    limiter.observe({ status: 200, headers: { 'x-ratelimit-limit': 'many' } });
    expect(limiter.currentAllowance).toBe(8);
  });

  it('refuses a non-positive limit', () => {
    const time = virtualTime();
    expect(() => new RateLimiter(0, 1000, time.now, time.sleep)).toThrow(RangeError);
  });
});
