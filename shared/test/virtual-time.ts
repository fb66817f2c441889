/** A clock whose sleep advances time at once: policy tests run in microseconds, waits still add up. */
export function virtualTime(start = 1_700_000_000_000) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
      await Promise.resolve();
    },
    slept,
    elapsed: () => now - start,
  };
}
