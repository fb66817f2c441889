/**
 * A discrete-event clock for tests with many concurrent actors: `sleep` schedules a wake-up, and
 * `runUntil` moves time from one wake-up to the next, letting every actor react in between.
 * (virtual-time.ts suits one actor: its sleep moves time at once.)
 */
export function simulatedTime(start = 1_700_000_000_000) {
  let now = start;
  let sequence = 0;
  const wakeUps: Array<{ at: number; order: number; wake: () => void }> = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        wakeUps.push({ at: now + Math.max(0, ms), order: sequence++, wake });
      }),
    /** Runs every actor until the clock reaches `endMs` (absolute) or nothing is left to do. */
    async runUntil(endMs: number): Promise<void> {
      for (;;) {
        await settle();
        wakeUps.sort((a, b) => a.at - b.at || a.order - b.order);
        const next = wakeUps[0];
        if (!next || next.at > endMs) {
          now = Math.max(now, endMs);
          return;
        }
        wakeUps.shift();
        now = next.at;
        next.wake();
      }
    },
    start,
  };
}
