/** Request shapes of API v2 as our client sends them (docs/salesmanago.md §3–§6); field names are SALESmanago's. */

export interface SalesManagoAddress {
  streetAddress?: string;
  zipCode?: string;
  city?: string;
  country?: string;
}

export interface SalesManagoContactData {
  email: string;
  /** The whole name: SALESmanago has one name field. */
  name?: string;
  phone?: string;
  company?: string;
  externalId?: string;
  address?: SalesManagoAddress;
}

/** One contact of an upsert: the single call's body without auth, and one item of a batch. */
export interface SalesManagoUpsert {
  contact: SalesManagoContactData;
  /** `yyyyMMdd` */
  birthday?: string;
  /** Added to the contact's tags; tags not named stay. */
  tags?: string[];
  /** Removed from the contact's tags. */
  removeTags?: string[];
  /** Free key → text pairs. */
  properties?: Record<string, string>;
  /** Consent flags (docs/salesmanago.md §3.2); all false = the subscription state is left alone. */
  forceOptIn: boolean;
  forceOptOut: boolean;
  forcePhoneOptIn: boolean;
  forcePhoneOptOut: boolean;
}

export type SalesManagoEventType = 'PURCHASE' | 'CANCELLATION' | 'RETURN' | 'CART' | 'OTHER';

/** An external event before the length caps (event.ts applies them). */
export interface SalesManagoEventInput {
  email: string;
  type: SalesManagoEventType;
  /** Unix milliseconds. */
  date: number;
  description?: string;
  /** Product ids; joined with commas. */
  products?: readonly string[];
  location?: string;
  value?: number;
  externalId?: string;
  shopDomain?: string;
  /** detail1, detail2, … in order. */
  details?: ReadonlyArray<string | undefined>;
  /** Set to update that event instead of adding one. */
  eventId?: string;
}

/** `contactEvent` as sent: every text within its cap. */
export interface SalesManagoContactEvent {
  date: number;
  contactExtEventType: string;
  description?: string;
  products?: string;
  location?: string;
  value?: number;
  externalId?: string;
  shopDomain?: string;
  eventId?: string;
  [detail: `detail${number}`]: string;
}

/** What SALESmanago said about one contact of a look-up. */
export interface SalesManagoContactState {
  email: string;
  /** The contact unsubscribed from e-mail (or was opted out). */
  optedOut: boolean;
}
