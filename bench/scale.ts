/**
 * The benchmark clock. Ecomail allows 1,000 requests a minute; the sandbox and our client both run
 * that limit over a 6-second window (10× faster) so a run takes minutes, not hours. Figures are
 * converted back: the work (measured time minus time spent waiting for the limit) is kept, and a
 * run can never be faster than the real limit allows for its number of calls.
 */
export const LIMIT = 1000;
export const REAL_WINDOW_MS = 60_000;
export const SCALE = 10;
export const WINDOW_MS = REAL_WINDOW_MS / SCALE;

/** Real-world duration of `calls` requests that took `measuredMs`, `waitedMs` of it waiting for the scaled limit. */
export function realWorldMs(measuredMs: number, waitedMs: number, calls: number): number {
  return Math.max(measuredMs - waitedMs, floorMs(calls));
}

/** The least time the limit allows for `calls` requests: the first LIMIT go at once, then a window per LIMIT. */
export function floorMs(calls: number, windowMs = REAL_WINDOW_MS): number {
  return Math.max(0, Math.ceil(calls / LIMIT) - 1) * windowMs;
}

/** A sleep that adds up how long it slept (the waits the scale applies to). */
export function countingSleep(): { sleep: (ms: number) => Promise<void>; waited: () => number } {
  let total = 0;
  return {
    sleep: (ms) => {
      const wait = Math.max(0, ms);
      total += wait;
      return new Promise((resolve) => setTimeout(resolve, wait));
    },
    waited: () => total,
  };
}
