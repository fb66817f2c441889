/** Inputs of the job tests, the same for every destination. */
import { parseEllityWebhook, type GoOutPurchase } from '@ecomail-bridge/shared/node';

/** A one-ticket GoOut purchase of a Czech buyer for an event of `category`. */
export function purchase(id: string, email: string, category: string, consent: boolean, status = 'paid'): GoOutPurchase {
  return {
    source: 'goout',
    purchaseId: id,
    purchasedAt: '2026-06-14T18:02:11+02:00',
    status,
    buyer: { email, firstName: 'PETR', lastName: 'novák', country: 'CZ', language: 'cs', newsletterConsent: consent },
    items: [
      {
        ticketId: `${id}-1`,
        dealName: 'Standard',
        priceCents: 39000,
        currency: 'CZK',
        event: { id: `e-${category}`, name: `Show ${category}`, mainCategory: category, tags: [category] },
        schedule: { id: `s-${category}`, startAt: '2026-06-20T19:30:00+02:00' },
        venue: null,
      },
    ],
    derivedTags: [],
  };
}

/** An Ellity credit change as the webhook delivers it (a change of 10). */
export function ellity(email: string, credit: string, trigger = 'credit_changed') {
  return parseEllityWebhook({
    schema: 'ellity-webhook/1',
    trigger,
    customer: { email, credit },
    creditChange: { value: '10' },
  });
}
