/**
 * Streams a shop's orders changed since a cursor (docs/idosell.md §6), normalised, oldest change
 * first. Per page of 100 orders it sends at most one client read and one product search for
 * what it has not seen yet, so a 10,000-order export costs about three requests per 100 orders.
 *
 * Paging: page numbers are trusted only within one change second. Otherwise every page starts
 * again at the latest change date read, so orders that change while the export runs (and so
 * leave their place in the listing) cannot make it skip one.
 */
import { IDOSELL_GATES, PAGE_LIMIT, isShopDateTime, ordersSearchParams, readOrdersPage, type RawOrder } from './assumed-contract';
import { CategoryPathResolver, type CategorySource } from './category-paths';
import type { IdoSellClient } from './client';
import { ShopClientReader } from './client-reader';
import { normalizeOrder } from './normalize-order';
import { orderKey, type OrderCursor } from './order-cursor';
import { isSelectedOrder, type ShopOrderSelection } from './order-selection';
import type { ShopOrder } from './types';

export interface OrderStreamStats {
  emitted: number;
  skippedNoEmail: number;
  skippedNoDate: number;
  /** Re-read in the overlap, already taken. */
  skippedTaken: number;
  /** Read and taken, but not of the statuses or consent mode asked for. */
  skippedUnselected: number;
  pages: number;
}

export interface OrderStreamOptions {
  /** Stop after emitting this many; the cursor keeps the rest for the next run. */
  maxOrders?: number;
  /** Guard against a shop that never returns a short page. */
  maxPages?: number;
  /** Emit only these orders; the others are taken without being emitted. */
  select?: ShopOrderSelection;
}

export const emptyOrderStreamStats = (): OrderStreamStats => ({ emitted: 0, skippedNoEmail: 0, skippedNoDate: 0, skippedTaken: 0, skippedUnselected: 0, pages: 0 });

export class IdoSellOrderSource {
  stats: OrderStreamStats = emptyOrderStreamStats();
  readonly categories: CategoryPathResolver;
  readonly clients: ShopClientReader;

  constructor(
    private readonly client: IdoSellClient,
    options: { categorySource?: CategorySource; cacheSize?: number } = {},
  ) {
    this.categories = new CategoryPathResolver(client, options.categorySource, options.cacheSize);
    this.clients = new ShopClientReader(client, options.cacheSize);
  }

  /**
   * Orders after `cursor`. An order counts as taken when the consumer asks for the next one (or
   * takes it itself with `cursor.take`): a consumer that stops mid-order gets it again next run.
   */
  async *orders(cursor: OrderCursor, options: OrderStreamOptions = {}): AsyncGenerator<ShopOrder> {
    this.stats = emptyOrderStreamStats();
    const limit = options.maxOrders ?? Infinity;
    if (limit <= 0) return;
    for await (const fresh of this.freshPages(cursor, options.maxPages)) {
      await this.prefetch(fresh);
      for (const raw of fresh) {
        const result = normalizeOrder(raw, {
          client: (id) => this.clients.info(id),
          categoryPath: (id, shopId, language) => this.categories.path(id, shopId, language),
        });
        if ('skipped' in result) {
          if (result.skipped === 'no-email') this.stats.skippedNoEmail++;
          else this.stats.skippedNoDate++;
          continue;
        }
        if (options.select && !isSelectedOrder(result.order, options.select)) {
          this.stats.skippedUnselected++;
          cursor.take(result.order);
          continue;
        }
        yield result.order;
        cursor.take(result.order);
        if (++this.stats.emitted >= limit) return;
      }
    }
  }

  /**
   * Takes every order changed since `cursor` without emitting or enriching any: a trigger's first
   * activation, so that the shop's recent history does not flood the workflow. One search per 100.
   */
  async catchUp(cursor: OrderCursor, options: Pick<OrderStreamOptions, 'maxPages'> = {}): Promise<number> {
    this.stats = emptyOrderStreamStats();
    let taken = 0;
    for await (const fresh of this.freshPages(cursor, options.maxPages)) {
      for (const raw of fresh) {
        const changedAt = raw.orderDetails?.orderChangeDate;
        if (raw.orderId === undefined || raw.orderId === null || !isShopDateTime(changedAt)) continue;
        cursor.take({ orderId: String(raw.orderId), changedAt });
        taken++;
      }
    }
    return taken;
  }

  /** The raw orders of each page not taken yet; the next page is asked for when this one is handled. */
  private async *freshPages(cursor: OrderCursor, maxPages = 1_000_000): AsyncGenerator<RawOrder[]> {
    let begin = cursor.readFrom();
    let page = 0;
    for (let reads = 0; reads < maxPages; reads++) {
      const { orders: raws } = readOrdersPage(await this.client.post(IDOSELL_GATES.ordersSearch, ordersSearchParams(begin, page)));
      this.stats.pages++;
      yield raws.filter((raw) => {
        const seen = cursor.hasTaken(orderKey({ orderId: String(raw.orderId ?? ''), changedAt: String(raw.orderDetails?.orderChangeDate ?? '') }));
        if (seen) this.stats.skippedTaken++;
        return !seen;
      });
      if (raws.length < PAGE_LIMIT) return;
      const last = latestChange(raws);
      // A full page within one second: the next page of that second; else start over at the latest change read.
      if (last === undefined || last <= begin) page++;
      else {
        begin = last;
        page = 0;
      }
    }
  }

  /** One client read and one product search for the page, only for what is not cached. */
  private async prefetch(raws: readonly RawOrder[]): Promise<void> {
    const clientIds = raws.map((raw) => raw.clientResult?.clientAccount?.clientId).filter((id) => id !== undefined && id !== null && String(id) !== '0');
    await this.clients.prefetch(clientIds.map(String));
    const productIds = raws.flatMap((raw) => (raw.orderDetails?.productsResults ?? []).map((line) => line.productId)).filter((id) => id !== undefined && id !== null);
    await this.categories.prefetch(productIds.map(String));
  }
}

function latestChange(raws: readonly RawOrder[]): string | undefined {
  let latest: string | undefined;
  for (const raw of raws) {
    const changed = raw.orderDetails?.orderChangeDate;
    if (typeof changed === 'string' && (latest === undefined || changed > latest)) latest = changed;
  }
  return latest;
}
