/** How bench/RESULTS.md writes numbers and durations. */
export const int = (n: number) => Math.round(n).toLocaleString('en-US');
export const sec = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${int(ms / 1000)} s`);
export const min = (ms: number) => (ms < 60_000 ? sec(ms) : `${(ms / 60_000).toFixed(1)} min`);
