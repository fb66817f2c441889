/**
 * Where an order stream stands (docs/idosell.md §6.4): the latest change date taken, and the
 * orders already taken in the overlap before it — the dedupe key is order id + change date, so an
 * order that changes again is taken again, and one re-read in the overlap is not.
 * Memory: the orders changed within `overlapSeconds` of the latest change taken.
 */
import { isShopDateTime, shiftShopDateTime, type ShopDateTime } from './assumed-contract';

/** [A] five minutes of overlap: a change committed late, or a shop clock a little behind, is still read. */
export const DEFAULT_OVERLAP_SECONDS = 300;
/** [A] "everything": earlier than any IdoSell shop. */
export const BEGINNING_OF_TIME: ShopDateTime = '2000-01-01 00:00:00';

export interface OrderCursorState {
  v: 1;
  since: ShopDateTime;
  /** `orderId@changedAt` of the orders taken within the overlap. */
  taken: Array<[key: string, changedAt: ShopDateTime]>;
}

export function orderKey(order: { orderId: string; changedAt: string }): string {
  return `${order.orderId}@${order.changedAt}`;
}

export class OrderCursor {
  private readonly taken: Map<string, ShopDateTime>;
  private latest: ShopDateTime;

  constructor(
    state: OrderCursorState | undefined,
    fallbackSince: ShopDateTime = BEGINNING_OF_TIME,
    readonly overlapSeconds = DEFAULT_OVERLAP_SECONDS,
  ) {
    const valid = state?.v === 1 && isShopDateTime(state.since);
    this.latest = valid ? state.since : fallbackSince;
    this.taken = new Map(valid && Array.isArray(state.taken) ? state.taken : []);
  }

  /** Where the next read begins: the latest change taken, minus the overlap. */
  readFrom(): ShopDateTime {
    return this.taken.size === 0 ? this.latest : shiftShopDateTime(this.latest, -this.overlapSeconds);
  }

  get since(): ShopDateTime {
    return this.latest;
  }

  hasTaken(key: string): boolean {
    return this.taken.has(key);
  }

  /** Records an order the consumer has handled; taking it twice changes nothing. */
  take(order: { orderId: string; changedAt: string }): void {
    this.taken.set(orderKey(order), order.changedAt);
    if (order.changedAt > this.latest) {
      this.latest = order.changedAt;
      const oldest = shiftShopDateTime(this.latest, -this.overlapSeconds);
      for (const [key, changedAt] of this.taken) if (changedAt < oldest) this.taken.delete(key);
    }
  }

  toState(): OrderCursorState {
    return { v: 1, since: this.latest, taken: [...this.taken] };
  }
}
