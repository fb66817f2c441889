import {
  IdoSellApiError,
  IdoSellAuthError,
  IdoSellOrderSource,
  IdoSellQuotaError,
  NetworkFault,
  OrderCursor,
  shopSubscribers,
  type IdoSellClient,
  type OrderCursorState,
  type ShopRecord,
  type SubscriberReadStats,
} from '@ecomail-bridge/shared/node';
import type { ImportSource, SourceRecord } from '../import-source';

/**
 * Where an IdoSell export stands: subscribers without an account come first (page and how many
 * of it were sent), then orders by the core's cursor. Stored only after Ecomail confirmed every
 * record it covers.
 */
interface IdoSellPosition {
  subscribers: { page: number; taken: number } | 'done';
  orders?: OrderCursorState;
}

export interface IdoSellStreamOptions {
  position: unknown;
  /** Shop-local `YYYY-MM-DD 00:00:00` of `--since`; only for a fresh checkpoint. */
  since?: string;
  /** Newsletter subscribers of these shops; none → orders only. */
  subscriberShops: readonly number[];
}

/**
 * Newsletter subscribers, then orders changed since the cursor, for the core's shop job. The CLI
 * takes each record on the cursor when it hands it over: the importer reads `position()` only
 * after every record handed over is confirmed, and commits nothing otherwise.
 */
export class IdoSellStream implements ImportSource<ShopRecord> {
  private readonly subscriberStats: SubscriberReadStats = { read: 0, skippedNoEmail: 0, pages: 0 };
  private readonly cursor: OrderCursor;
  private subscriberPosition: IdoSellPosition['subscribers'];
  private subscribers?: AsyncGenerator<ShopRecord>;
  private orders?: AsyncGenerator<ShopRecord>;
  private stopped?: { reason: 'auth' | 'source'; message: string };
  private finished = false;

  constructor(
    private readonly client: IdoSellClient,
    private readonly source: IdoSellOrderSource,
    private readonly options: IdoSellStreamOptions,
  ) {
    const previous = options.position as IdoSellPosition | undefined;
    this.cursor = new OrderCursor(previous?.orders, options.since);
    this.subscriberPosition = options.subscriberShops.length === 0 ? 'done' : (previous?.subscribers ?? { page: 0, taken: 0 });
  }

  async next(): Promise<SourceRecord<ShopRecord> | undefined> {
    if (this.finished) return undefined;
    try {
      const record = (await this.nextSubscriber()) ?? (await this.nextOrder());
      if (!record) this.finished = true;
      return record;
    } catch (error) {
      if (!isShopStop(error)) throw error;
      // The records before this one are sent and committed; the run ends with the reason, and the
      // next run resumes here.
      this.stopped = { reason: error instanceof IdoSellAuthError ? 'auth' : 'source', message: resumeHint(error) };
      this.finished = true;
      return undefined;
    }
  }

  private async nextSubscriber(): Promise<SourceRecord<ShopRecord> | undefined> {
    const at = this.subscriberPosition;
    if (at === 'done') return undefined;
    if (!this.subscribers) {
      let skip = at.taken;
      const pageDone = (nextPage: number) => {
        this.subscriberPosition = { page: nextPage, taken: 0 };
      };
      const stream = shopSubscribers(this.client, this.options.subscriberShops, this.subscriberStats, at.page, pageDone);
      this.subscribers = (async function* () {
        for await (const subscriber of stream) {
          // Records of the resumed page that the previous run already sent.
          if (skip > 0) {
            skip--;
            continue;
          }
          yield subscriber;
        }
      })();
    }
    const step = await this.subscribers.next();
    if (step.done) {
      this.subscriberPosition = 'done';
      return undefined;
    }
    const record = step.value;
    if (this.subscriberPosition !== 'done') this.subscriberPosition = { ...this.subscriberPosition, taken: this.subscriberPosition.taken + 1 };
    return { ref: `subscriber ${record.type === 'subscriber' ? record.email : ''} (shop ${record.type === 'subscriber' ? record.shopId : ''})`, item: record };
  }

  private async nextOrder(): Promise<SourceRecord<ShopRecord> | undefined> {
    this.orders ??= this.source.orders(this.cursor);
    const step = await this.orders.next();
    if (step.done) return undefined;
    const order = step.value;
    if (order.type === 'order') this.cursor.take(order);
    return { ref: `order ${order.type === 'order' ? order.orderId : ''}`, item: order };
  }

  async stop(): Promise<void> {
    this.finished = true;
    await this.subscribers?.return(undefined);
    await this.orders?.return(undefined);
  }

  position(): IdoSellPosition {
    return { subscribers: this.subscriberPosition, orders: this.cursor.toState() };
  }

  failure(): { reason: 'auth' | 'source'; message: string } | undefined {
    return this.stopped;
  }

  stats(): Record<string, number> {
    const orders = this.source.stats;
    const requests = Object.fromEntries(Object.entries(this.client.counter.byGate()).map(([gate, n]) => [`idosellRequests ${gate}`, n]));
    return {
      idosellRequests: this.client.counter.total,
      ...requests,
      subscribersRead: this.subscriberStats.read,
      ordersRead: orders.emitted,
      ordersSkippedNoEmail: orders.skippedNoEmail,
      ordersSkippedNoDate: orders.skippedNoDate,
      ordersAlreadyTaken: orders.skippedTaken,
      orderPages: orders.pages,
      productLookups: this.source.categories.lookups,
    };
  }

  skips(): Record<string, number> {
    return {
      'IdoSell order without an e-mail address': this.source.stats.skippedNoEmail,
      'IdoSell order without a readable date': this.source.stats.skippedNoDate,
      'IdoSell subscriber without an e-mail address': this.subscriberStats.skippedNoEmail,
    };
  }
}

/** What IdoSell can end a run with: a refused key, a used-up quota, a fault the retries did not cure. */
function isShopStop(error: unknown): error is Error {
  return error instanceof IdoSellAuthError || error instanceof IdoSellQuotaError || error instanceof IdoSellApiError || error instanceof NetworkFault;
}

function resumeHint(error: Error): string {
  return error instanceof NetworkFault ? `IdoSell did not answer: ${error.message}` : error.message;
}
