/**
 * The normalised shop records (docs/idosell.md §6): what the IdoSell source emits and every
 * destination's mapping takes. Nothing here is Ecomail-specific, so another destination maps the
 * same records.
 */

export interface ShopBuyer {
  /** Trimmed and lower-cased. */
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  phone: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  /** Two upper-case letters, or null when the shop's value is not one [U]. */
  country: string | null;
  /** `YYYY-MM-DD`. */
  birthDate: string | null;
  /** Two lower-case letters. */
  language: string | null;
  /** The shop's client id; null for a purchase without an account. */
  clientId: string | null;
  /** Has a customer account in the shop (tag `rejestracja` in seed 004). */
  registered: boolean;
  /** E-mail newsletter approval for the shop of this record; other shops of the account do not count. */
  newsletterConsent: boolean;
}

export interface ShopOrderLine {
  productId: string;
  name: string | null;
  code: string | null;
  quantity: number;
  /** Gross unit price in the order currency. */
  unitPrice: number;
  /** Category / Subcategory / Sub-subcategory …, as the shop names them; empty when unknown. */
  categoryPath: string[];
}

export interface ShopOrder {
  type: 'order';
  source: 'idosell';
  orderId: string;
  serialNumber: string | null;
  shopId: number | null;
  /** ISO 8601 without offset: the shop's own clock [U zone]. */
  placedAt: string;
  /** Shop-local `YYYY-MM-DD HH:MM:SS` of the last change: the stream's cursor. */
  changedAt: string;
  /** IdoSell's status, lower-cased (`new`, `finished`, `canceled`, …). */
  status: string;
  /** False for cancelled, false, lost, merged or returned orders: a status change, not a purchase. */
  isPurchase: boolean;
  currency: string | null;
  /** Lines × unit prices plus delivery when the shop gives it: IdoSell shows no total [U]. */
  total: number;
  buyer: ShopBuyer;
  lines: ShopOrderLine[];
}

/** A newsletter subscriber without a customer account (tag `newsletter` in seed 004). */
export interface ShopSubscriber {
  type: 'subscriber';
  source: 'idosell';
  email: string;
  language: string | null;
  shopId: number;
  /** Shop-local time the subscription last changed. */
  changedAt: string | null;
}

export type ShopRecord = ShopOrder | ShopSubscriber;
