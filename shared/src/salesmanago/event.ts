import type { TrackEventInput, TransactionInput } from '../ecomail/types';
import { joinWithin, truncate } from './text-caps';
import type { SalesManagoContactEvent, SalesManagoEventInput } from './types';

/**
 * The length caps of `contactEvent` fields (docs/salesmanago.md §6.1). The official library cuts
 * longer values before sending; what the server does with them is unknown, so we cut first too.
 */
export const SALESMANAGO_EVENT_CAPS = {
  contactExtEventType: 255,
  description: 2048,
  products: 512,
  location: 255,
  /** Characters of the amount's text form. */
  value: 22,
  externalId: 255,
  shopDomain: 255,
  detail: 255,
} as const;

/** The older SDKs name detail1 … detail20; more are not sent. */
export const SALESMANAGO_MAX_DETAILS = 20;

/** An event input → `contactEvent` with every cap applied; empty parts are left out. */
export function salesManagoContactEvent(input: SalesManagoEventInput): SalesManagoContactEvent {
  const caps = SALESMANAGO_EVENT_CAPS;
  const event: SalesManagoContactEvent = { date: input.date, contactExtEventType: truncate(input.type, caps.contactExtEventType) };
  const text = (value: string | undefined, cap: number) => {
    const trimmed = value?.trim();
    return trimmed ? truncate(trimmed, cap) : undefined;
  };
  const fields = {
    description: text(input.description, caps.description),
    products: input.products?.length ? joinWithin(input.products.map((id) => id.trim()).filter(Boolean), ',', caps.products) || undefined : undefined,
    location: text(input.location, caps.location),
    value: input.value === undefined || !Number.isFinite(input.value) ? undefined : amountWithin(input.value, caps.value),
    externalId: text(input.externalId, caps.externalId),
    shopDomain: text(input.shopDomain, caps.shopDomain),
    eventId: input.eventId?.trim() || undefined,
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(event, { [key]: value });
  (input.details ?? []).slice(0, SALESMANAGO_MAX_DETAILS).forEach((detail, i) => {
    const value = text(detail, caps.detail);
    if (value !== undefined) event[`detail${i + 1}`] = value;
  });
  return event;
}

/**
 * An amount whose text form fits `cap` characters: rounded to cents first (amounts are money), then
 * with fewer significant digits only if it still does not fit. Cutting the text would change the number.
 */
function amountWithin(value: number, cap: number): number {
  const cents = Math.round(value * 100) / 100;
  let amount = cents;
  for (let digits = 17; String(amount).length > cap && digits > 1; digits--) amount = Number(cents.toPrecision(digits));
  return amount;
}

/**
 * An order (the core's Ecomail-shaped order) → PURCHASE, or CANCELLATION when its status is
 * `canceled` (docs/salesmanago.md §6.3): `externalId` = the order id, so a cancellation names the
 * purchase it undoes; `value` the total; `products` the item codes; `detail1` their titles,
 * `detail2` the order time (ISO 8601), `detail3` the categories; `location` the shop.
 */
export function orderEvent(order: TransactionInput, now: number, eventId?: string): SalesManagoEventInput {
  const { transaction, transaction_items: items } = order;
  const date = typeof transaction.timestamp === 'number' ? transaction.timestamp * 1000 : now;
  const categories = [...new Set(items.flatMap((item) => [...(item.categories ?? []), ...(item.category ? [item.category] : [])]))];
  return {
    email: transaction.email,
    type: transaction.status === 'canceled' ? 'CANCELLATION' : 'PURCHASE',
    date,
    externalId: transaction.order_id,
    value: transaction.amount,
    location: transaction.shop,
    products: items.map((item) => item.code ?? '').filter(Boolean),
    details: [
      joinWithin(items.map((item) => item.title ?? '').filter(Boolean), ',', SALESMANAGO_EVENT_CAPS.detail),
      new Date(date).toISOString(),
      joinWithin(categories, ',', SALESMANAGO_EVENT_CAPS.detail),
    ],
    eventId,
  };
}

/**
 * A tracked contact event (an Ellity change) → an `OTHER` event (docs/salesmanago.md §6.3):
 * `description` = category:action:label:property, `value` = a numeric value, and each entry of an
 * object value as `key=value` in detail1, detail2, … (other text in detail1).
 */
export function trackedEvent(input: TrackEventInput, now: number): SalesManagoEventInput {
  const description = [input.category, input.action, input.label, input.property]
    .map((part) => (typeof part === 'string' ? part.trim() : ''))
    .filter(Boolean)
    .join(':');
  const event: SalesManagoEventInput = { email: input.email, type: 'OTHER', date: now, description };
  const raw = input.value;
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (Number.isFinite(number)) event.value = number;
  else if (raw && typeof raw === 'object') event.details = Object.entries(raw).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  else if (typeof raw === 'string' && raw.trim()) event.details = [raw];
  return event;
}
