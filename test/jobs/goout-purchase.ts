import type { GoOutPurchase } from '@ecomail-bridge/shared/node';

/** One GoOut purchase of PETR novák (CZ, cs) with one ticket for the category's show, as the source normalises it. */
export function goOutPurchase(id: string, email: string, category: string, consent: boolean, status = 'paid'): GoOutPurchase {
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
