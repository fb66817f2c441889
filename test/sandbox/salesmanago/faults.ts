import { mulberry32 } from '../ecomail/prng';
import type { SalesManagoFaults } from './types';

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'error'; status: 500 | 502 | 503 }
  | { kind: 'throttle' }
  | { kind: 'busy' }
  | { kind: 'failure' };

const RATES = ['errorRate', 'resetRate', 'throttleRate', 'busyRate', 'failureRate'] as const;
const ERROR_STATUSES = [500, 502, 503] as const;

/** Draws, per API call, which injected fault answers it; seeded, so a run can be repeated. */
export class SalesManagoFaultInjector {
  private current: SalesManagoFaults = { errorRate: 0, resetRate: 0, throttleRate: 0, busyRate: 0, failureRate: 0, latencyMs: 0, seed: 1 };
  private random = mulberry32(1);

  constructor(initial: Partial<SalesManagoFaults> = {}) {
    this.set(initial);
  }

  get config(): SalesManagoFaults {
    return { ...this.current };
  }

  set(partial: Partial<SalesManagoFaults>): void {
    const next = { ...this.current };
    for (const key of RATES) if (partial[key] !== undefined) next[key] = checked(key, partial[key], 1);
    if (partial.latencyMs !== undefined) next.latencyMs = checked('latencyMs', partial.latencyMs, 600_000);
    if (partial.seed !== undefined) {
      next.seed = checked('seed', partial.seed, 2 ** 32);
      this.random = mulberry32(next.seed);
    }
    this.current = next;
  }

  /** The same number of draws per call whatever the rates, so a seed gives one sequence. */
  decide(): FaultDecision {
    const draws = RATES.map(() => this.random());
    const pick = this.random();
    const [error, reset, throttle, busy, failure] = draws;
    if (reset < this.current.resetRate) return { kind: 'reset' };
    if (error < this.current.errorRate) return { kind: 'error', status: ERROR_STATUSES[Math.floor(pick * ERROR_STATUSES.length)] };
    if (throttle < this.current.throttleRate) return { kind: 'throttle' };
    if (busy < this.current.busyRate) return { kind: 'busy' };
    if (failure < this.current.failureRate) return { kind: 'failure' };
    return { kind: 'none' };
  }
}

function checked(name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) throw new RangeError(`fault ${name} must be a number in [0, ${max}]`);
  return value;
}
