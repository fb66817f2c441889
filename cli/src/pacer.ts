import type { Clock, Sleep } from '@ecomail-bridge/shared/node';

/** Longest single nap, so a stop request (Ctrl+C) is noticed within a second or so. */
const NAP_MS = 1000;

/**
 * Spreads a large import over hours (docs/stories.md §6): after each batch, waits until the run's
 * average is back at `contactsPerHour`. Batches are sized to about a minute of the pace, so the
 * flow is even rather than one burst an hour.
 */
export class Pacer {
  private readonly startedAt: number;

  constructor(
    private readonly contactsPerHour: number,
    private readonly sleep: Sleep,
    private readonly now: Clock,
  ) {
    this.startedAt = now();
  }

  /** Contacts per batch for this pace: a minute's worth, at least one. */
  batchSize(limit: number): number {
    return Math.max(1, Math.min(limit, Math.ceil(this.contactsPerHour / 60)));
  }

  /** Waits until `done` contacts are due; 'stopped' when a stop was requested meanwhile. */
  async wait(done: number, stopRequested: () => boolean): Promise<'due' | 'stopped'> {
    const dueAt = this.startedAt + (done / this.contactsPerHour) * 3_600_000;
    // Bounded: each nap moves the clock forward by up to NAP_MS towards a fixed point.
    for (let left = dueAt - this.now(); left > 0; left = dueAt - this.now()) {
      if (stopRequested()) return 'stopped';
      await this.sleep(Math.min(NAP_MS, left));
    }
    return stopRequested() ? 'stopped' : 'due';
  }
}
