/**
 * Streams an organiser's GoOut purchases as normalised records (goout.md §5, §6): sales page by
 * page → purchases of each sale page by page → enrichment → dedupe. Holds at most one sales page,
 * one purchases page and the bounded caches in memory, so a million-purchase backfill stays flat.
 */
import type { StateStore } from '../ports';
import {
  GOOUT_PATHS,
  PURCHASES_PAGE_SIZE,
  purchasesQuery,
  readHasNext,
  readPurchasesPage,
  readSalesPage,
  salesQuery,
  type SaleInfo,
} from './assumed-contract';
import type { GoOutClient } from './client';
import { GoOutEnrichment } from './enrichment';
import { normalizePurchase } from './normalize-purchase';
import { PurchaseCursor } from './purchase-cursor';
import type { GoOutPurchase } from './types';

export interface GoOutPurchasesOptions {
  /** Keep only sales of this organiser (a token may see several, §1). */
  organizerId?: string;
  /** ISO date or date-time: only purchases made at or after it. */
  since?: string;
  /** Where the dedupe cursor lives between runs; without it every run emits everything. */
  state?: StateStore;
  stateKey?: string;
  /** Emit purchases the cursor has seen before too (a repeated backfill); the cursor still advances. */
  includeSeen?: boolean;
  /** Stop after emitting this many (a poll's cap); the cursor keeps the rest for the next run. */
  maxPurchases?: number;
}

export interface GoOutSourceStats {
  emitted: number;
  skippedNoEmail: number;
  skippedNoDate: number;
  skippedSeen: number;
  skippedBeforeSince: number;
  salesRead: number;
  salesSkippedClosed: number;
}

export interface GoOutPurchaseSourceOptions {
  /** Entries per enrichment cache (schedules, events, venues). */
  cacheSize?: number;
  /** Recent purchase ids the cursor keeps besides the watermarks. */
  recentIds?: number;
  purchasesPageSize?: number;
  /** Guard against a server that never says `hasNext: false`. */
  maxPages?: number;
}

const CHECKPOINT_EVERY = 500;

const emptyStats = (): GoOutSourceStats => ({
  emitted: 0,
  skippedNoEmail: 0,
  skippedNoDate: 0,
  skippedSeen: 0,
  skippedBeforeSince: 0,
  salesRead: 0,
  salesSkippedClosed: 0,
});

export class GoOutPurchaseSource {
  /** Counters of the latest `purchases()` run. */
  stats: GoOutSourceStats = emptyStats();
  private readonly enrichment: GoOutEnrichment;

  constructor(
    private readonly client: GoOutClient,
    private readonly options: GoOutPurchaseSourceOptions = {},
  ) {
    this.enrichment = new GoOutEnrichment(client, options.cacheSize);
  }

  async *purchases(options: GoOutPurchasesOptions = {}): AsyncGenerator<GoOutPurchase> {
    this.stats = emptyStats();
    const stateKey = options.stateKey ?? 'goout.purchases';
    const cursor = await PurchaseCursor.load(options.state, stateKey, this.options.recentIds);
    const sinceMs = options.since === undefined ? undefined : Date.parse(options.since);
    if (sinceMs !== undefined && Number.isNaN(sinceMs)) throw new RangeError(`"since" is not a date: ${options.since}`);
    const limit = options.maxPurchases ?? Infinity;
    if (limit <= 0) return;
    try {
      for await (const { sales, dealNames } of this.salesPages(options.organizerId)) {
        const open = sales.filter((sale) => {
          const closed = !options.includeSeen && cursor.isClosed(sale.id);
          if (closed) this.stats.salesSkippedClosed++;
          return !closed;
        });
        await this.enrichment.prefetch(open.flatMap((sale) => (sale.scheduleId ? [sale.scheduleId] : [])));
        for (const sale of open) {
          const context = {
            ...this.enrichment.lookup(sale.scheduleId),
            currency: sale.currency,
            dealName: (id: string) => dealNames.get(id) ?? null,
          };
          for await (const raw of this.salePurchases(sale.id)) {
            if (!options.includeSeen && cursor.seen(sale.id, String(raw.id))) {
              this.stats.skippedSeen++;
              continue;
            }
            const result = normalizePurchase(raw, context);
            if ('skipped' in result) {
              if (result.skipped === 'no-email') this.stats.skippedNoEmail++;
              else this.stats.skippedNoDate++;
              continue;
            }
            const { purchase } = result;
            if (sinceMs !== undefined && Date.parse(purchase.purchasedAt) < sinceMs) {
              this.stats.skippedBeforeSince++;
              continue;
            }
            yield purchase;
            // Reached only when the consumer asks for the next record, i.e. has handled this one:
            // a consumer that stops or fails mid-record gets it again next run (at least once).
            cursor.emitted(sale.id, purchase.purchaseId);
            if (++this.stats.emitted >= limit) return;
            // Checkpoint inside big sales too, so an interrupted backfill resumes close to where it stopped.
            if (this.stats.emitted % CHECKPOINT_EVERY === 0) await cursor.save(options.state, stateKey);
          }
          cursor.saleDone(sale.id, sale.state);
          this.stats.salesRead++;
          await cursor.save(options.state, stateKey);
        }
      }
    } finally {
      await cursor.save(options.state, stateKey);
    }
  }

  /**
   * One purchase for a "fetch test event" / sample: the first one GoOut lists, ignoring and not
   * touching any dedupe state. Undefined when the organiser has no purchase with an e-mail.
   */
  async fetchOne(options: Pick<GoOutPurchasesOptions, 'organizerId'> = {}): Promise<GoOutPurchase | undefined> {
    for await (const purchase of this.purchases({ organizerId: options.organizerId, includeSeen: true, maxPurchases: 1 })) {
      return purchase;
    }
    return undefined;
  }

  private async *salesPages(organizerId: string | undefined): AsyncGenerator<{ sales: SaleInfo[]; dealNames: Map<string, string> }> {
    for (let pageIndex = 0; pageIndex < (this.options.maxPages ?? 1_000_000); pageIndex++) {
      const body = await this.client.get(GOOUT_PATHS.sales, salesQuery(pageIndex));
      const page = readSalesPage(body);
      const sales = organizerId === undefined ? page.sales : page.sales.filter((sale) => sale.organizerId === organizerId);
      if (sales.length) yield { sales, dealNames: page.dealNames };
      if (!readHasNext(body) || page.sales.length === 0) return;
    }
  }

  private async *salePurchases(saleId: string) {
    const pageSize = this.options.purchasesPageSize ?? PURCHASES_PAGE_SIZE;
    for (let pageIndex = 0; pageIndex < (this.options.maxPages ?? 1_000_000); pageIndex++) {
      const body = await this.client.get(GOOUT_PATHS.purchases, purchasesQuery(saleId, pageIndex, pageSize));
      const purchases = readPurchasesPage(body);
      yield* purchases;
      if (!readHasNext(body) || purchases.length === 0) return;
    }
  }
}
