/** Injected latency a sandbox can drop on close, so no timer keeps the test process alive. */
export interface Latency {
  /** Waits `ms`; a wait still pending at `clear()` never resolves. */
  delay(ms: number): Promise<void>;
  clear(): void;
}

export function createLatency(): Latency {
  const timers = new Set<NodeJS.Timeout>();
  return {
    delay: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
    clear: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
