import { mulberry32 } from './prng';
import type { FaultConfig } from './types';

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'error'; status: 500 | 502 | 503 }
  | { kind: 'throttle' };

const DEFAULT_SEED = 1;
const ERROR_STATUSES = [500, 502, 503] as const;

/** Decides, per API request, which injected fault (if any) answers it. */
export class FaultInjector {
  private current: FaultConfig = { errorRate: 0, latencyMs: 0, resetRate: 0, throttleRate: 0, seed: DEFAULT_SEED };
  private random = mulberry32(DEFAULT_SEED);

  constructor(initial: Partial<FaultConfig> = {}) {
    this.set(initial);
  }

  get config(): FaultConfig {
    return { ...this.current };
  }

  /** Merges a partial config; a given seed restarts the random sequence. */
  set(partial: Partial<FaultConfig>): void {
    const next = { ...this.current };
    for (const key of ['errorRate', 'resetRate', 'throttleRate'] as const) {
      if (partial[key] !== undefined) next[key] = checkedNumber(key, partial[key], 0, 1);
    }
    if (partial.latencyMs !== undefined) next.latencyMs = checkedNumber('latencyMs', partial.latencyMs, 0, 600_000);
    if (partial.seed !== undefined) {
      next.seed = checkedNumber('seed', partial.seed, -(2 ** 53), 2 ** 53);
      this.random = mulberry32(next.seed);
    }
    this.current = next;
  }

  /**
   * Always draws the same number of values per request, so a seeded run gives the same
   * sequence of faults whatever the rates are.
   */
  decide(): FaultDecision {
    const [reset, error, throttle, pick] = [this.random(), this.random(), this.random(), this.random()];
    if (reset < this.current.resetRate) return { kind: 'reset' };
    if (error < this.current.errorRate) {
      return { kind: 'error', status: ERROR_STATUSES[Math.floor(pick * ERROR_STATUSES.length)] };
    }
    if (throttle < this.current.throttleRate) return { kind: 'throttle' };
    return { kind: 'none' };
  }
}

function checkedNumber(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`fault ${name} must be a number in [${min}, ${max}]`);
  }
  return value;
}
