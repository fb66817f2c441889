/**
 * Which purchases were already emitted, in bounded memory (goout.md §6 rule 4).
 *
 * GoOut has no "created after" filter, so every poll re-reads each sale's purchases. Keeping every
 * emitted id would grow without end (a million purchases = a million ids in n8n static data), so
 * the cursor keeps per sale only a watermark — the highest purchase id already emitted — plus a
 * bounded FIFO of recently emitted ids. A purchase counts as seen when its id is at or below the
 * watermark the sale had when the run started, or when it is among the recent ids (which catches
 * a purchase shifting onto the next page while we read). [A] This relies on purchase ids growing
 * over time, as GoOut's numeric ids appear to. Memory: one entry per sale + `recentLimit` ids.
 *
 * A sale whose state was already not `active` when it was fully read gets no new purchases, so
 * later runs skip it (§6 rule 5).
 */
import type { StateStore } from '../ports';

interface SaleMark {
  /** Highest emitted purchase id. */
  w?: string;
  /** Sale state at the last complete read. */
  s?: string;
}

interface CursorState {
  v: 1;
  sales: Record<string, SaleMark>;
  recent: string[];
}

/** Numeric ids compare as numbers (by length, then digits), others as plain strings. */
export function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/.test(a) && /^\d+$/.test(b);
  if (numeric && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export class PurchaseCursor {
  private readonly recent: Set<string>;
  /** Watermarks as they were when this run started; new marks apply from the next run on. */
  private readonly startMarks: Map<string, string | undefined>;
  private dirty = false;

  private constructor(
    private readonly data: CursorState,
    private readonly recentLimit: number,
  ) {
    this.recent = new Set(data.recent);
    this.startMarks = new Map(Object.entries(data.sales).map(([id, mark]) => [id, mark.w]));
  }

  static async load(state: StateStore | undefined, key: string, recentLimit = 5_000): Promise<PurchaseCursor> {
    const stored = state ? await state.get<CursorState>(key) : undefined;
    const data: CursorState = stored?.v === 1 ? stored : { v: 1, sales: {}, recent: [] };
    return new PurchaseCursor(data, recentLimit);
  }

  /** True when a previous run finished reading this sale after it had stopped selling. */
  isClosed(saleId: string): boolean {
    const state = this.data.sales[saleId]?.s;
    return state !== undefined && state !== 'active';
  }

  seen(saleId: string, purchaseId: string): boolean {
    const mark = this.startMarks.get(saleId);
    return (mark !== undefined && compareIds(purchaseId, mark) <= 0) || this.recent.has(purchaseId);
  }

  /** Records a purchase the consumer has taken. */
  emitted(saleId: string, purchaseId: string): void {
    const mark = (this.data.sales[saleId] ??= {});
    if (mark.w === undefined || compareIds(purchaseId, mark.w) > 0) mark.w = purchaseId;
    this.recent.delete(purchaseId);
    this.recent.add(purchaseId);
    if (this.recent.size > this.recentLimit) this.recent.delete(this.recent.values().next().value as string);
    this.dirty = true;
  }

  /** Records that a sale was read to its end while in `state`. */
  saleDone(saleId: string, state: string): void {
    (this.data.sales[saleId] ??= {}).s = state;
    this.dirty = true;
  }

  async save(state: StateStore | undefined, key: string): Promise<void> {
    if (!state || !this.dirty) return;
    this.data.recent = [...this.recent];
    // Copies, so a store that keeps references never sees later in-memory changes.
    const sales = Object.fromEntries(Object.entries(this.data.sales).map(([id, mark]) => [id, { ...mark }]));
    await state.set(key, { v: 1, sales, recent: this.data.recent });
    this.dirty = false;
  }
}
