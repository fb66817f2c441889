import { goOutDerivedTags } from './tags';
import type { GoOutPurchase, GoOutPurchaseItem } from './types';

/** One ticket as a platform's line item carries it; prices in currency units, categories as a list or comma text. */
export interface GoOutTicketFields {
  ticketId?: string;
  dealName?: string;
  price?: number | string;
  currency?: string;
  eventId?: string;
  eventName?: string;
  /** GoOut's main category (e.g. `theatre`): an order-line category, not a tag. */
  eventMainCategory?: string;
  /** The event's category labels; each becomes a tag. */
  eventCategories?: string | readonly string[];
  eventStart?: string;
  scheduleId?: string;
  venueName?: string;
  venueCity?: string;
}

/**
 * A purchase as flat fields, the shape a user maps in Zapier: the buyer, the purchase, and either
 * its tickets or — for sources with one event per row — that event's name, category and start.
 */
export interface GoOutPurchaseFields extends Omit<GoOutTicketFields, 'eventCategories'> {
  email: string;
  firstName?: string;
  lastName?: string;
  country?: string;
  language?: string;
  newsletterConsent?: boolean;
  purchaseId?: string;
  purchasedAt?: string;
  status?: string;
  eventCategory?: string | readonly string[];
  tickets?: readonly GoOutTicketFields[];
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

function labels(value: string | readonly string[] | undefined): string[] {
  const list = typeof value === 'string' ? value.split(',') : (value ?? []);
  return list.map((label) => label.trim()).filter((label) => label !== '');
}

function cents(value: number | string | undefined): number {
  const number = typeof value === 'number' ? value : Number(String(value ?? '').replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(number) ? Math.round(number * 100) : 0;
}

function ticketItem(ticket: GoOutTicketFields, fallbackId: string): GoOutPurchaseItem {
  const categories = labels(ticket.eventCategories);
  const eventName = text(ticket.eventName);
  const start = text(ticket.eventStart);
  const hasEvent = eventName !== null || categories.length > 0 || text(ticket.eventId) !== null || text(ticket.eventMainCategory) !== null;
  const venueName = text(ticket.venueName);
  return {
    ticketId: text(ticket.ticketId) ?? fallbackId,
    dealName: text(ticket.dealName),
    priceCents: cents(ticket.price),
    currency: text(ticket.currency)?.toUpperCase() ?? 'CZK',
    // Category labels are what the tag rule reads; the main category only labels order lines (docs/goout-mapping.md).
    event: hasEvent ? { id: text(ticket.eventId) ?? '', name: eventName, mainCategory: text(ticket.eventMainCategory), tags: categories } : null,
    schedule: start || text(ticket.scheduleId) ? { id: text(ticket.scheduleId) ?? '', startAt: start } : null,
    venue: venueName || text(ticket.venueCity) ? { id: '', name: venueName, city: text(ticket.venueCity) } : null,
  };
}

/**
 * Flat fields → the normalised purchase every GoOut path maps from, so a purchase typed or mapped
 * field by field gets exactly the tags, fields and order of one read from GoOut.
 */
export function goOutPurchaseFromFields(fields: GoOutPurchaseFields, now: () => number = Date.now): GoOutPurchase {
  const purchaseId = text(fields.purchaseId) ?? '';
  const tickets: GoOutTicketFields[] = fields.tickets?.length
    ? [...fields.tickets]
    : fields.eventName || fields.eventCategory || fields.price !== undefined
      ? [{ ...fields, eventCategories: fields.eventCategory }]
      : [];
  const purchase: GoOutPurchase = {
    source: 'goout',
    purchaseId,
    purchasedAt: text(fields.purchasedAt) ?? new Date(now()).toISOString(),
    status: text(fields.status)?.toLowerCase() ?? 'paid',
    buyer: {
      email: String(fields.email ?? '').trim(),
      firstName: text(fields.firstName),
      lastName: text(fields.lastName),
      country: text(fields.country)?.toUpperCase() ?? null,
      language: text(fields.language)?.toLowerCase() ?? null,
      newsletterConsent: fields.newsletterConsent === true,
    },
    items: tickets.map((ticket, index) => ticketItem(ticket, `${purchaseId || 'ticket'}-${index + 1}`)),
    derivedTags: [],
  };
  purchase.derivedTags = goOutDerivedTags(purchase);
  return purchase;
}
