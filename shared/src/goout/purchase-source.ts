/**
 * Streams an organiser's GoOut purchases as normalised records (docs/goout.md §5, §6): sales page by
 * page → purchases of each sale page by page → enrichment → dedupe. Holds at most one sales page,
 * one purchases page and the bounded caches in memory, so a million-purchase backfill stays flat.
 *
 * What a run costs (docs/goout.md §6): GoOut offers no date filter or sort on purchases
 * (docs/goout.md §3.3), so a run reads every sales page, then for each active sale only the listing page
 * where the previous run stopped [A: listings are oldest first, new purchases appended], then
 * `refundCheckPages` pages of older history, round-robin, to find refunds. A run with nothing new
 * thus costs sales pages + one page per active sale + `refundCheckPages`, however long the history;
 * schedules, events and venues are fetched only when a purchase is emitted. A sale read for the
 * first time starts near the end of its listing when `since` allows (listing-start.ts). Refunds are reported
 * for the last `recentIds` purchases emitted (bounded memory); older ones are forgotten.
 */
import type { StateStore } from '../ports';
import {
  GOOUT_PATHS,
  isRefundedState,
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
import { firstPageSince } from './listing-start';
import { normalizePurchase, type PurchaseContext } from './normalize-purchase';
import { PurchaseCursor } from './purchase-cursor';
import type { RawPurchase } from './assumed-contract';
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
  /** Emit purchases already refunded when first seen too (status `refunded`). Default false. */
  includeRefunded?: boolean;
  /** Pages of already-read history re-read per run to find refunds. Default 1; 0 turns it off. */
  refundCheckPages?: number;
}

export interface GoOutSourceStats {
  emitted: number;
  skippedNoEmail: number;
  skippedNoDate: number;
  skippedSeen: number;
  skippedBeforeSince: number;
  /** Purchases already refunded when first seen, not emitted (see `includeRefunded`). */
  skippedRefunded: number;
  /** Emitted purchases found refunded later and emitted again with status `refunded`. */
  refundsEmitted: number;
  salesRead: number;
  salesSkippedClosed: number;
  purchasePagesRead: number;
}

/** What shells show for `includeRefunded`, and its default. */
export const INCLUDE_REFUNDED_TEXT = {
  label: 'Include Refunded Purchases',
  description:
    'Also emit purchases that were already refunded when first seen, with status refunded. Off: such a purchase is not a sale and is left out. A refund of a purchase already emitted is always emitted again, with status refunded, so the order changes status in Ecomail.',
} as const;
export const DEFAULT_INCLUDE_REFUNDED = false;
export const DEFAULT_REFUND_CHECK_PAGES = 1;

export interface GoOutPurchaseSourceOptions {
  /** Entries per enrichment cache (schedules, events, venues). */
  cacheSize?: number;
  /** Recent purchase ids the cursor keeps besides the watermarks; their refunds are reported. */
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
  skippedRefunded: 0,
  refundsEmitted: 0,
  salesRead: 0,
  salesSkippedClosed: 0,
  purchasePagesRead: 0,
});

/** For the checks made before enrichment: they need no schedule, event or venue. */
const NO_CONTEXT: PurchaseContext = { dealName: () => null, currency: null, schedule: null, event: null, venue: null };

/** One `purchases()` run's settings and cursor. */
interface Run {
  options: GoOutPurchasesOptions;
  cursor: PurchaseCursor;
  stateKey: string;
  sinceMs: number | undefined;
  limit: number;
  pageSize: number;
}

/** A sale read this run: the pages before `firstPageRead` are where the refund check looks. */
interface ReadSale {
  sale: SaleInfo;
  context: () => Promise<PurchaseContext>;
  firstPageRead: number;
}

/** A purchase to emit, and what the cursor records once the consumer has taken it. */
interface Emission {
  purchase: GoOutPurchase;
  taken: () => void;
}

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
    const run: Run = { options, cursor, stateKey, sinceMs, limit, pageSize: this.options.purchasesPageSize ?? PURCHASES_PAGE_SIZE };
    const read: ReadSale[] = [];
    try {
      for await (const { sales, dealNames } of this.salesPages(options.organizerId)) {
        const open = sales.filter((sale) => {
          const closed = !options.includeSeen && cursor.isClosed(sale.id);
          if (closed) this.stats.salesSkippedClosed++;
          return !closed;
        });
        // Enrichment only once a purchase of this page is emitted: a run with nothing new reads none.
        let pageEnriched: Promise<void> | undefined;
        const scheduleIds = open.flatMap((sale) => (sale.scheduleId ? [sale.scheduleId] : []));
        for (const sale of open) {
          const context = async (): Promise<PurchaseContext> => {
            await (pageEnriched ??= this.enrichment.prefetch(scheduleIds));
            // Costs nothing while cached; a long refund check may find it evicted.
            await this.enrichment.prefetch(sale.scheduleId ? [sale.scheduleId] : []);
            return { ...this.enrichment.lookup(sale.scheduleId), currency: sale.currency, dealName: (id) => dealNames.get(id) ?? null };
          };
          const known = options.includeSeen ? undefined : cursor.listingRead(sale.id);
          // A sale that stopped selling since its last read (cancelled: everything refunded) is read whole once.
          const stopped = cursor.lastState(sale.id) === 'active' && sale.state !== 'active';
          const firstPageRead =
            known === undefined
              ? await this.firstPageSince(run, sale.id)
              : stopped
                ? 0
                : Math.floor(known / run.pageSize);
          let result = yield* this.readListing(run, sale, context, firstPageRead, 'tail');
          if (result.limitReached) return;
          if (known !== undefined && result.entries < known) {
            // The listing got shorter, so it is not in the order assumed: read it whole once, the
            // watermark keeps that exact.
            cursor.setListingRead(sale.id, undefined);
            result = yield* this.readListing(run, sale, context, 0, 'tail');
            if (result.limitReached) return;
          }
          // Also when the listing's end holds nothing new (a first run that started near its end).
          cursor.setListingRead(sale.id, result.entries);
          cursor.saleDone(sale.id, sale.state);
          this.stats.salesRead++;
          await cursor.save(options.state, stateKey);
          read.push({ sale, context, firstPageRead });
        }
      }
      if (!options.includeSeen) yield* this.checkRefunds(run, read);
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

  /** The first page of a sale never read before that may hold a purchase at or after `since`. */
  private async firstPageSince(run: Run, saleId: string): Promise<number> {
    if (run.sinceMs === undefined) return 0;
    return await firstPageSince(
      async (pageIndex) => {
        this.stats.purchasePagesRead++;
        return readPurchasesPage(await this.client.get(GOOUT_PATHS.purchases, purchasesQuery(saleId, pageIndex, run.pageSize)));
      },
      run.sinceMs,
      this.options.maxPages ?? 1_000_000,
    );
  }

  /**
   * Re-reads `refundCheckPages` pages that earlier runs read, continuing where the last run's check
   * stopped, so every page of the history is checked in turn.
   */
  private async *checkRefunds(run: Run, read: ReadSale[]): AsyncGenerator<GoOutPurchase, void> {
    const pages = run.options.refundCheckPages ?? DEFAULT_REFUND_CHECK_PAGES;
    for (let i = 0; i < pages; i++) {
      const target = nextRefundCheck(run.cursor.sweepPosition(), read);
      if (!target) return;
      const result = yield* this.readListing(run, target.sale.sale, target.sale.context, target.page, 'check');
      run.cursor.setSweepPosition({ sale: target.sale.sale.id, page: target.page + 1 });
      if (result.limitReached) return;
    }
  }

  /**
   * Reads a sale's listing from `fromPage`: to its end for the tail (recording how far it was read),
   * one page for the refund check. Returns the listing position reached.
   */
  private async *readListing(
    run: Run,
    sale: SaleInfo,
    context: () => Promise<PurchaseContext>,
    fromPage: number,
    mode: 'tail' | 'check',
  ): AsyncGenerator<GoOutPurchase, { entries: number; limitReached: boolean }> {
    const known = run.cursor.listingRead(sale.id) ?? 0;
    let entries = fromPage * run.pageSize;
    for (let pageIndex = fromPage; pageIndex < (this.options.maxPages ?? 1_000_000); pageIndex++) {
      const body = await this.client.get(GOOUT_PATHS.purchases, purchasesQuery(sale.id, pageIndex, run.pageSize));
      this.stats.purchasePagesRead++;
      const purchases = readPurchasesPage(body);
      for (const raw of purchases) {
        const position = entries++;
        const emission = await this.consider(run, sale, raw, context, position >= known);
        if (emission) {
          yield emission.purchase;
          // Reached only when the consumer asks for the next record, i.e. has handled this one:
          // a consumer that stops or fails mid-record gets it again next run (at least once).
          emission.taken();
        }
        if (mode === 'tail' && position >= known) run.cursor.setListingRead(sale.id, position + 1);
        if (emission) {
          if (++this.stats.emitted >= run.limit) return { entries, limitReached: true };
          // Checkpoint inside big sales too, so an interrupted backfill resumes close to where it stopped.
          if (this.stats.emitted % CHECKPOINT_EVERY === 0) await run.cursor.save(run.options.state, run.stateKey);
        }
      }
      if (mode === 'check' || !readHasNext(body) || purchases.length === 0) break;
    }
    return { entries, limitReached: false };
  }

  /**
   * What to do with one listed purchase: nothing (seen, filtered, refunded before we saw it), emit
   * it as new, or emit it again because a purchase emitted earlier has been refunded since.
   * `fresh`: first time this listing position is read, so its skips are counted.
   */
  private async consider(
    run: Run,
    sale: SaleInfo,
    raw: RawPurchase,
    context: () => Promise<PurchaseContext>,
    fresh: boolean,
  ): Promise<Emission | undefined> {
    const { cursor, options } = run;
    const id = String(raw.id);
    const refunded = isRefundedState(raw.attributes?.state);
    const seen = !options.includeSeen && cursor.seen(sale.id, id);
    if (seen && !(refunded && cursor.refundIsNews(id))) {
      if (fresh) this.stats.skippedSeen++;
      return undefined;
    }
    // The filters need no enrichment, so re-read pages cost no schedule, event or venue call.
    const check = normalizePurchase(raw, NO_CONTEXT);
    if ('skipped' in check) {
      if (fresh && check.skipped === 'no-email') this.stats.skippedNoEmail++;
      else if (fresh) this.stats.skippedNoDate++;
      return undefined;
    }
    if (run.sinceMs !== undefined && Date.parse(check.purchase.purchasedAt) < run.sinceMs) {
      // Never emitted, so neither is its refund.
      if (fresh) this.stats.skippedBeforeSince++;
      return undefined;
    }
    if (seen) {
      return {
        purchase: await this.normalized(raw, context),
        taken: () => {
          cursor.refundDone(id);
          this.stats.refundsEmitted++;
        },
      };
    }
    if (refunded && !(options.includeRefunded ?? DEFAULT_INCLUDE_REFUNDED)) {
      // Not a sale: passed over for good, and its refund is not news either.
      cursor.passedOver(sale.id, id);
      this.stats.skippedRefunded++;
      return undefined;
    }
    return {
      purchase: await this.normalized(raw, context),
      taken: () => {
        cursor.emitted(sale.id, id);
        if (refunded) cursor.refundDone(id);
      },
    };
  }

  private async normalized(raw: RawPurchase, context: () => Promise<PurchaseContext>): Promise<GoOutPurchase> {
    const result = normalizePurchase(raw, await context());
    if ('skipped' in result) throw new Error(`GoOut purchase ${result.purchaseId} changed while it was read`);
    return result.purchase;
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
}

/**
 * The next page of the refund check: the stored position if it is still before the pages read
 * this run, else page 0 of the next sale that has such pages (round-robin).
 */
function nextRefundCheck(
  position: { sale: string; page: number } | undefined,
  read: ReadSale[],
): { sale: ReadSale; page: number } | undefined {
  const candidates = read.filter((entry) => entry.firstPageRead > 0);
  if (candidates.length === 0) return undefined;
  const at = position ? candidates.findIndex((entry) => entry.sale.id === position.sale) : -1;
  if (at >= 0 && position!.page < candidates[at].firstPageRead) return { sale: candidates[at], page: position!.page };
  return { sale: candidates[(at + 1) % candidates.length], page: 0 };
}
