/**
 * A normalised GoOut purchase (the core's `GoOutPurchase`) as Zapier shows it: flat buyer and
 * first-event fields for easy mapping (e.g. into Ecomail's Add GoOut Buyer), plus every ticket as
 * a line item carrying what Ecomail's Add GoOut Buyer takes per ticket (event id and categories,
 * schedule id), so the two map 1:1. `id` is the purchase id, which Zapier dedupes on.
 */
import type { GoOutPurchase } from '@ecomail-bridge/shared';
import type { PlainOutputField } from 'zapier-platform-core';

export function purchaseRecord(purchase: GoOutPurchase) {
  const first = purchase.items.find((item) => item.event) ?? purchase.items[0];
  const totalCents = purchase.items.reduce((sum, item) => sum + item.priceCents, 0);
  return {
    id: purchase.purchaseId,
    purchased_at: purchase.purchasedAt,
    status: purchase.status,
    email: purchase.buyer.email,
    first_name: purchase.buyer.firstName,
    last_name: purchase.buyer.lastName,
    country: purchase.buyer.country,
    language: purchase.buyer.language,
    newsletter_consent: purchase.buyer.newsletterConsent,
    event_name: first?.event?.name ?? null,
    event_category: first?.event?.mainCategory ?? null,
    event_start: first?.schedule?.startAt ?? null,
    venue_name: first?.venue?.name ?? null,
    venue_city: first?.venue?.city ?? null,
    ticket_count: purchase.items.length,
    total: totalCents / 100,
    currency: first?.currency ?? null,
    tags: purchase.derivedTags,
    tickets: purchase.items.map((item) => ({
      ticket_id: item.ticketId,
      deal_name: item.dealName,
      price: item.priceCents / 100,
      currency: item.currency,
      event_id: item.event?.id || null,
      event_name: item.event?.name ?? null,
      // Comma text: Zapier line items hold no nested lists; the action splits it again.
      event_main_category: item.event?.mainCategory ?? null,
      event_categories: item.event?.tags.join(', ') ?? '',
      event_start: item.schedule?.startAt ?? null,
      schedule_id: item.schedule?.id || null,
      venue_name: item.venue?.name ?? null,
    })),
  };
}

export const purchaseSample: ReturnType<typeof purchaseRecord> = {
  id: '8812345',
  purchased_at: '2026-06-14T18:02:11+02:00',
  status: 'paid',
  email: 'petra.novakova@example.cz',
  first_name: 'Petra',
  last_name: 'Nováková',
  country: 'CZ',
  language: 'cs',
  newsletter_consent: true,
  event_name: 'Jazz na Špilberku',
  event_category: 'concert',
  event_start: '2026-06-20T19:30:00+02:00',
  venue_name: 'Hrad Špilberk',
  venue_city: 'Brno',
  ticket_count: 2,
  total: 780,
  currency: 'CZK',
  tags: ['GoOut', 'GoOut_cs', 'GoOut_newsletter', 'koncert'],
  tickets: [
    ...['55001', '55002'].map((ticketId) => ({
      ticket_id: ticketId,
      deal_name: 'Standard',
      price: 390,
      currency: 'CZK',
      event_id: '2741',
      event_name: 'Jazz na Špilberku',
      event_main_category: 'concert',
      event_categories: 'koncert',
      event_start: '2026-06-20T19:30:00+02:00',
      schedule_id: '90412',
      venue_name: 'Hrad Špilberk',
    })),
  ],
};

export const purchaseOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Purchase ID', type: 'string' },
  { key: 'purchased_at', label: 'Purchased At', type: 'datetime' },
  { key: 'status', label: 'Status', type: 'string' },
  { key: 'email', label: 'Buyer Email', type: 'string' },
  { key: 'first_name', label: 'First Name', type: 'string' },
  { key: 'last_name', label: 'Last Name', type: 'string' },
  { key: 'country', label: 'Country', type: 'string' },
  { key: 'language', label: 'Language', type: 'string' },
  { key: 'newsletter_consent', label: 'Newsletter Consent', type: 'boolean' },
  { key: 'event_name', label: 'Event Name', type: 'string' },
  { key: 'event_category', label: 'Event Category', type: 'string' },
  { key: 'event_start', label: 'Event Start', type: 'datetime' },
  { key: 'venue_name', label: 'Venue', type: 'string' },
  { key: 'venue_city', label: 'Venue City', type: 'string' },
  { key: 'ticket_count', label: 'Ticket Count', type: 'integer' },
  { key: 'total', label: 'Total Price', type: 'number' },
  { key: 'currency', label: 'Currency', type: 'string' },
  { key: 'tags', label: 'GoOut Tags', type: 'string', list: true },
  { key: 'tickets[]ticket_id', label: 'Ticket ID', type: 'string' },
  { key: 'tickets[]deal_name', label: 'Ticket Deal', type: 'string' },
  { key: 'tickets[]price', label: 'Ticket Price', type: 'number' },
  { key: 'tickets[]currency', label: 'Ticket Currency', type: 'string' },
  { key: 'tickets[]event_id', label: 'Ticket Event ID', type: 'string' },
  { key: 'tickets[]event_name', label: 'Ticket Event Name', type: 'string' },
  { key: 'tickets[]event_main_category', label: 'Ticket Event Main Category', type: 'string' },
  { key: 'tickets[]event_categories', label: 'Ticket Event Categories', type: 'string' },
  { key: 'tickets[]event_start', label: 'Ticket Event Start', type: 'datetime' },
  { key: 'tickets[]schedule_id', label: 'Ticket Schedule ID', type: 'string' },
  { key: 'tickets[]venue_name', label: 'Ticket Venue', type: 'string' },
];
