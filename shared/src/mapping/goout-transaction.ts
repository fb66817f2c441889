import type { TransactionInput, TransactionItem, TransactionStatus } from '../ecomail/types';
import { normalizeEmail } from '../ecomail/validation';
import type { GoOutPurchase, GoOutPurchaseItem } from '../goout/types';

export interface GoOutTransactionOptions {
  /** Ecomail `shop` (case-sensitive, used in segments); omitted when not given. */
  shop?: string;
}

/** GoOut purchase states → Ecomail order status; anything else is sent as null (unknown). */
const STATUS: Record<string, TransactionStatus> = {
  paid: 'completed',
  completed: 'completed',
  refunded: 'canceled',
  cancelled: 'canceled',
  canceled: 'canceled',
  pending: 'pending',
  reserved: 'pending',
};

/**
 * A purchase → Ecomail order (docs/goout.md §7.1, docs/ecomail-api.md §7). Tickets of the same deal for the
 * same performance at the same price become one line with `amount` = quantity.
 *
 * `price` is the UNIT price: Ecomail's docs leave unit vs line open [U]; with `amount` meaning
 * quantity, unit price is the reading that keeps price × amount = line total (as nopCommerce sends
 * it), and the order `amount` carries the exact total anyway.
 */
export function mapGoOutPurchaseToTransaction(purchase: GoOutPurchase, options: GoOutTransactionOptions = {}): TransactionInput {
  const lines = new Map<string, { item: TransactionItem; quantity: number }>();
  let totalCents = 0;
  for (const ticket of purchase.items) {
    totalCents += ticket.priceCents;
    const key = [ticket.schedule?.id ?? ticket.event?.id ?? ticket.ticketId, ticket.dealName ?? '', ticket.priceCents].join('\u0000');
    const line = lines.get(key);
    if (line) line.quantity += 1;
    else lines.set(key, { item: transactionItem(ticket), quantity: 1 });
  }

  const timestampMs = Date.parse(purchase.purchasedAt);
  return {
    transaction: {
      order_id: purchase.purchaseId,
      email: normalizeEmail(purchase.buyer.email),
      ...(options.shop ? { shop: options.shop } : {}),
      // Summed in cents so the total has no floating-point residue.
      amount: totalCents / 100,
      ...(purchase.buyer.country ? { country: purchase.buyer.country } : {}),
      ...(Number.isNaN(timestampMs) ? {} : { timestamp: Math.floor(timestampMs / 1000) }),
      status: STATUS[purchase.status.trim().toLowerCase()] ?? null,
    },
    transaction_items: [...lines.values()].map(({ item, quantity }) => ({ ...item, amount: quantity })),
  };
}

function transactionItem(ticket: GoOutPurchaseItem): TransactionItem {
  const eventName = ticket.event?.name?.trim() || null;
  const dealName = ticket.dealName?.trim() || null;
  const categories = [ticket.event?.mainCategory, ...(ticket.event?.tags ?? [])]
    .map((label) => label?.trim())
    .filter((label): label is string => Boolean(label));
  return {
    // The performance is what organisers segment on ("bought a ticket for this show"); the deal
    // (ticket type) is in the title. GoOut gives no deal id in the normalised record.
    code: ticket.schedule?.id ?? ticket.event?.id ?? ticket.ticketId,
    title: [eventName, dealName].filter(Boolean).join(' — ') || 'GoOut ticket',
    categories: [...new Set(categories)],
    price: ticket.priceCents / 100,
    tags: ['GoOut'],
  };
}
