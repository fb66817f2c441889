import type { purchaseRecord } from '../../src/goout/purchase-record';

/** How a Zap maps the GoOut New Purchase trigger's record into Add GoOut Buyer, field by field (1:1). */
export function addBuyerInput(record: ReturnType<typeof purchaseRecord>): Record<string, unknown> {
  return {
    email: record.email,
    firstName: record.first_name,
    lastName: record.last_name,
    country: record.country,
    language: record.language,
    newsletterConsent: String(record.newsletter_consent),
    purchaseId: record.id,
    purchasedAt: record.purchased_at,
    status: record.status,
    tickets: record.tickets.map((ticket) => ({
      ticketId: ticket.ticket_id,
      dealName: ticket.deal_name,
      price: ticket.price,
      currency: ticket.currency,
      eventId: ticket.event_id,
      eventName: ticket.event_name,
      eventMainCategory: ticket.event_main_category,
      eventCategories: ticket.event_categories,
      eventStart: ticket.event_start,
      scheduleId: ticket.schedule_id,
    })),
  };
}
