import type { TransactionInput, TransactionStatus } from '../ecomail/types';
import { normalizeEmail } from '../ecomail/validation';
import type { ShopOrder } from '../idosell/types';

export interface ShopTransactionOptions {
  /** Ecomail `shop` (case-sensitive in segments); omitted when not given. */
  shop?: string;
}

/** [A] IdoSell statuses → Ecomail order status; one that is no purchase any more is `canceled`. */
const STATUS: Record<string, TransactionStatus> = {
  finished: 'completed',
  finished_ext: 'completed',
  new: 'pending',
  payment_waiting: 'pending',
  delivery_waiting: 'pending',
  on_order: 'pending',
  suspended: 'pending',
  packed: 'processing',
  packed_fulfillment: 'processing',
  packed_ready: 'processing',
  ready: 'processing',
  wait_for_dispatch: 'processing',
};

/**
 * An order → Ecomail order (docs/ecomail-api.md §7): one line per order line with the UNIT price
 * and the quantity, the category path as the line's categories. The order id stays the same
 * whatever happens to the order, so a cancellation replaces the stored order's status instead of
 * adding a purchase.
 */
export function mapShopOrderToTransaction(order: ShopOrder, options: ShopTransactionOptions = {}): TransactionInput {
  const timestampMs = Date.parse(`${order.placedAt}Z`);
  return {
    transaction: {
      order_id: order.orderId,
      email: normalizeEmail(order.buyer.email),
      ...(options.shop ? { shop: options.shop } : {}),
      amount: order.total,
      ...(order.buyer.city ? { city: order.buyer.city } : {}),
      ...(order.buyer.country ? { country: order.buyer.country } : {}),
      // [U] the shop's clock zone: read as UTC, so a timestamp is at most a few hours off.
      ...(Number.isNaN(timestampMs) ? {} : { timestamp: Math.floor(timestampMs / 1000) }),
      status: order.isPurchase ? (STATUS[order.status] ?? null) : 'canceled',
    },
    transaction_items: order.lines.map((line) => ({
      code: line.code ?? line.productId,
      title: line.name ?? `IdoSell product ${line.productId}`,
      categories: [...line.categoryPath],
      price: line.unitPrice,
      amount: line.quantity,
      tags: ['IdoSell'],
    })),
  };
}
