/** Bounded polling: every wait in the e2e run has a deadline, so a hung n8n fails the run instead of stalling CI. */
export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Named in the timeout error, e.g. "the Ecomail event for jana@example.cz". */
  what: string;
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 250;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await delay(Math.min(interval, Math.max(0, deadline - Date.now())));
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}${cause}`);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
