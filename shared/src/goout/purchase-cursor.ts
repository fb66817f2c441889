/**
 * Which purchases were already emitted, how far each sale's listing was read, and which refunds
 * are known — in bounded memory (docs/goout.md §6 rules 4–5).
 *
 * Per sale the cursor keeps a watermark (the highest purchase id already emitted or passed over),
 * the sale state at its last complete read and how many entries of the sale's purchase listing have
 * been read. Besides those, two bounded FIFOs: recently emitted ids (which catches a purchase
 * shifting onto the next page while we read, and names the purchases whose refund is reported) and
 * ids whose refund was emitted. A purchase counts as seen when its id is at or below the watermark
 * the sale had when the run started, or when it is among the recent ids. [A] This relies on
 * purchase ids growing over time, as GoOut's numeric ids appear to. Memory: one entry per sale
 * + `recentLimit` ids twice at most.
 */
import type { StateStore } from '../ports';

interface SaleMark {
  /** Highest emitted purchase id. */
  w?: string;
  /** Sale state at the last complete read. */
  s?: string;
  /** Entries of the sale's purchase listing read so far (where the next run starts reading). */
  n?: number;
}

/** Where the refund check of already-read pages goes on next run. */
interface SweepMark {
  sale: string;
  page: number;
}

interface CursorState {
  /** 1: before listing positions and refunds were kept; read as 2 with nothing known of them. */
  v: 1 | 2;
  sales: Record<string, SaleMark>;
  recent: string[];
  refunds?: string[];
  sweep?: SweepMark;
}

/** Numeric ids compare as numbers (by length, then digits), others as plain strings. */
export function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/.test(a) && /^\d+$/.test(b);
  if (numeric && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A FIFO of ids that forgets the oldest beyond its limit. */
class BoundedIds {
  private readonly ids: Set<string>;

  constructor(
    ids: readonly string[],
    private readonly limit: number,
  ) {
    this.ids = new Set(ids);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as string);
  }

  list(): string[] {
    return [...this.ids];
  }
}

export class PurchaseCursor {
  private readonly recent: BoundedIds;
  private readonly refunds: BoundedIds;
  /** Watermarks as they were when this run started; new marks apply from the next run on. */
  private readonly startMarks: Map<string, string | undefined>;
  private dirty = false;

  private constructor(
    private readonly data: CursorState,
    recentLimit: number,
  ) {
    this.recent = new BoundedIds(data.recent, recentLimit);
    this.refunds = new BoundedIds(data.refunds ?? [], recentLimit);
    this.startMarks = new Map(Object.entries(data.sales).map(([id, mark]) => [id, mark.w]));
  }

  static async load(state: StateStore | undefined, key: string, recentLimit = 5_000): Promise<PurchaseCursor> {
    const stored = state ? await state.get<CursorState>(key) : undefined;
    const data: CursorState = stored?.v === 1 || stored?.v === 2 ? stored : { v: 2, sales: {}, recent: [] };
    return new PurchaseCursor(data, recentLimit);
  }

  /** True when a previous run finished reading this sale after it had stopped selling. */
  isClosed(saleId: string): boolean {
    const state = this.data.sales[saleId]?.s;
    return state !== undefined && state !== 'active';
  }

  /** The sale state at the last complete read, if any. */
  lastState(saleId: string): string | undefined {
    return this.data.sales[saleId]?.s;
  }

  seen(saleId: string, purchaseId: string): boolean {
    const mark = this.startMarks.get(saleId);
    return (mark !== undefined && compareIds(purchaseId, mark) <= 0) || this.recent.has(purchaseId);
  }

  /** Records a purchase the consumer has taken. */
  emitted(saleId: string, purchaseId: string): void {
    this.passedOver(saleId, purchaseId);
    this.recent.add(purchaseId);
  }

  /** Records a purchase left out for good: seen from now on, but not one whose refund is news. */
  passedOver(saleId: string, purchaseId: string): void {
    const mark = (this.data.sales[saleId] ??= {});
    if (mark.w === undefined || compareIds(purchaseId, mark.w) > 0) mark.w = purchaseId;
    this.dirty = true;
  }

  /**
   * True when a refund of this purchase is news: it is among the last `recentLimit` purchases
   * emitted and its refund has not been emitted yet. Older ones are forgotten (bounded memory).
   */
  refundIsNews(purchaseId: string): boolean {
    return this.recent.has(purchaseId) && !this.refunds.has(purchaseId);
  }

  /** Records that this purchase's refund has been emitted (or was part of the purchase emitted). */
  refundDone(purchaseId: string): void {
    this.refunds.add(purchaseId);
    this.dirty = true;
  }

  /** Entries of the sale's listing read so far; undefined when it has never been read to the end. */
  listingRead(saleId: string): number | undefined {
    return this.data.sales[saleId]?.n;
  }

  setListingRead(saleId: string, entries: number | undefined): void {
    const mark = (this.data.sales[saleId] ??= {});
    if (mark.n === entries) return;
    mark.n = entries;
    this.dirty = true;
  }

  /** Records that a sale was read to its end while in `state`. */
  saleDone(saleId: string, state: string): void {
    (this.data.sales[saleId] ??= {}).s = state;
    this.dirty = true;
  }

  sweepPosition(): SweepMark | undefined {
    return this.data.sweep;
  }

  setSweepPosition(position: SweepMark | undefined): void {
    this.data.sweep = position;
    this.dirty = true;
  }

  async save(state: StateStore | undefined, key: string): Promise<void> {
    if (!state || !this.dirty) return;
    // Copies, so a store that keeps references never sees later in-memory changes.
    const sales = Object.fromEntries(Object.entries(this.data.sales).map(([id, mark]) => [id, { ...mark }]));
    const sweep = this.data.sweep ? { ...this.data.sweep } : undefined;
    await state.set(key, { v: 2, sales, recent: this.recent.list(), refunds: this.refunds.list(), ...(sweep ? { sweep } : {}) });
    this.dirty = false;
  }
}
