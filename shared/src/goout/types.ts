/**
 * The normalised purchase record (docs/goout.md §5): what every GoOut trigger emits and every
 * destination mapper consumes. Stable whatever GoOut's raw replies look like.
 */
export interface GoOutPurchase {
  source: 'goout';
  purchaseId: string;
  /** ISO 8601 with offset. */
  purchasedAt: string;
  /** e.g. `paid`, `refunded`, `cancelled`; raw GoOut state lower-cased. */
  status: string;
  buyer: GoOutBuyer;
  items: GoOutPurchaseItem[];
  /** `GoOut`, `GoOut_<lang>`, `GoOut_newsletter` (consent only) and event category tags. */
  derivedTags: string[];
}

export interface GoOutBuyer {
  /** Trimmed and lower-cased. */
  email: string;
  firstName: string | null;
  lastName: string | null;
  /** ISO 3166-1 alpha-2, upper-case, or null when unknown. */
  country: string | null;
  /** GoOut web language the buyer used (cs, sk, en, pl, de, uk), lower-case, or null. */
  language: string | null;
  /** True only on an explicit yes. */
  newsletterConsent: boolean;
}

export interface GoOutPurchaseItem {
  ticketId: string;
  dealName: string | null;
  /** Integer cents. */
  priceCents: number;
  /** ISO 4217, upper-case. */
  currency: string;
  event: { id: string; name: string | null; mainCategory: string | null; tags: string[] } | null;
  schedule: { id: string; startAt: string | null } | null;
  venue: { id: string; name: string | null; city: string | null } | null;
}
