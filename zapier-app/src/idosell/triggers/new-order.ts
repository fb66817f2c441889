/**
 * New Order (polling). Every poll returns the newest orders placed (at most POLL_LIMIT, newest
 * first) among those changed in the last two days, and keeps no state: Zapier deduplicates by `id`
 * (the order id) separately for each Zap. Cancelled, lost or merged orders are not new orders.
 * Each poll costs one IdoSell request per 100 orders changed in that window.
 */
import { IdoSellOrderSource, OrderCursor, toShopDateTime, type ShopOrder } from '@ecomail-bridge/shared';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { newestOf } from '../../platform/newest';
import { orderOutputFields, orderRecord, orderSample } from '../order-record';
import { idoSellClient } from '../run-client';

export const POLL_LIMIT = 100;
const SAMPLE_LIMIT = 3;
/** [A] the window a poll reads: wider than any gap between polls, and than the shop clock's zone offset [U]. */
const WINDOW_MS = 48 * 3_600_000;

function newerFirst(a: ShopOrder, b: ShopOrder): number {
  return b.placedAt.localeCompare(a.placedAt) || b.orderId.localeCompare(a.orderId, 'en', { numeric: true });
}

async function* purchases(source: IdoSellOrderSource, cursor: OrderCursor): AsyncGenerator<ShopOrder> {
  for await (const order of source.orders(cursor)) if (order.isPurchase) yield order;
}

async function perform(z: ZObject, bundle: Bundle) {
  const limit = bundle.meta?.isLoadingSample ? SAMPLE_LIMIT : POLL_LIMIT;
  const source = new IdoSellOrderSource(idoSellClient(z, bundle));
  const orders = await newestOf(purchases(source, new OrderCursor(undefined, toShopDateTime(Date.now() - WINDOW_MS))), limit, newerFirst);
  return orders.map(orderRecord);
}

export default defineTrigger({
  key: 'new_order',
  noun: 'Order',
  display: {
    label: 'New Order',
    description: 'Triggers when a shopper places an order in your IdoSell shop.',
  },
  operation: {
    type: 'polling',
    perform,
    sample: orderSample,
    outputFields: orderOutputFields,
  },
});
