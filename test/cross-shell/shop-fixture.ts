import {
  IdoSellClient,
  IdoSellOrderSource,
  OrderCursor,
  createNodeRuntime,
  shopSubscribers,
  type ShopRecord,
} from '@ecomail-bridge/shared/node';
import { startIdoSellSandbox, type IdoSellDataset, type IdoSellSandbox, type SandboxOrder } from '../sandbox/idosell';

/**
 * One IdoSell shop for every shell: 600 orders of ~300 customer accounts and guests in a Czech and
 * a Polish shop (mixed consent, orders already cancelled, lost or marked false, category paths
 * three levels deep and one of two, repeated shoppers), the shop's newsletter subscribers without
 * an account, and then 25 orders sent before that the merchant cancels. Deterministic: the CLI's
 * own sandbox seeded with the same values serves the same records.
 */
export const SHOP_ORDERS = 600;
export const SHOP_SEED = 20261202;
/** The shops whose subscribers are exported: those `backfill idosell` reads. */
const SUBSCRIBER_SHOPS = [1, 2];
const CANCELLATIONS = 25;
/** Every shell sends every shopper, so consenting and non-consenting ones both reach the state compared. */
export const SHOP_CONSENT_MODE = 'everybody';

export interface ShopFixture {
  /** The records of the first read (subscribers, then orders by change), then those of the read after the cancellations. */
  phases: [ShopRecord[], ShopRecord[]];
  /** The sandbox orders as each read saw them, for the expected state. */
  seen: SandboxOrder[];
  /** Shoppers already in the account: tagged in another list, tagged in the list, unsubscribed from it. */
  elsewhere: string[];
  tagged: string[];
  unsubscribed: string[];
}

/** A sandbox shop holding the fixture's orders (before the cancellations). */
export async function shopSandbox(): Promise<IdoSellSandbox> {
  const sandbox = await startIdoSellSandbox();
  sandbox.seed(SHOP_ORDERS, SHOP_SEED);
  return sandbox;
}

/** The merchant cancels every 20th order that is still a purchase, one after the other, after every other change. */
export function cancelOrders(data: IdoSellDataset): SandboxOrder[] {
  const live = data.orders.filter((order) => order.person.email !== '' && !['canceled', 'false', 'lost'].includes(order.status));
  return live
    .filter((_, i) => i % 20 === 0)
    .slice(0, CANCELLATIONS)
    .map((order) => data.changeStatus(order.orderId, 'canceled'));
}

export async function buildShopFixture(): Promise<ShopFixture> {
  const sandbox = await shopSandbox();
  try {
    const client = new IdoSellClient({ shopUrl: sandbox.url, apiKey: sandbox.apiKey, ...createNodeRuntime() });
    const source = new IdoSellOrderSource(client);
    const cursor = new OrderCursor(undefined);
    const first: ShopRecord[] = [];
    for await (const subscriber of shopSubscribers(client, SUBSCRIBER_SHOPS, { read: 0, skippedNoEmail: 0, pages: 0 })) first.push(subscriber);
    for await (const order of source.orders(cursor)) first.push(order);
    const data = sandbox.state.dataset();
    const seen = data.orders.map((order) => structuredClone(order));
    const cancelled = cancelOrders(data).map((order) => structuredClone(order));
    const second: ShopRecord[] = [];
    for await (const order of source.orders(cursor)) second.push(order);
    const shoppers = [...new Set(first.flatMap((record) => (record.type === 'order' ? [record.buyer.email] : [])))];
    return {
      phases: [first, second],
      seen: [...seen, ...cancelled],
      elsewhere: shoppers.slice(0, 15),
      tagged: shoppers.slice(15, 25),
      unsubscribed: shoppers.slice(25, 30),
    };
  } finally {
    await sandbox.close();
  }
}
