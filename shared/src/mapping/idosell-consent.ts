import type { ShopRecord } from '../idosell/types';

/** Seed 004's choice: send only shoppers who consented, or everybody (service messages only). */
export type ShopConsentMode = 'consented' | 'everybody';
export const DEFAULT_SHOP_CONSENT_MODE: ShopConsentMode = 'consented';

/** What each shell shows for the choice; one text for all of them. */
export const SHOP_CONSENT_MODE_TEXT: Record<ShopConsentMode, { label: string; description: string }> = {
  consented: {
    label: 'Only Shoppers Who Consented',
    description: 'Only shoppers who approved the e-mail newsletter of the order’s shop are sent; the others are skipped with the reason.',
  },
  everybody: {
    label: 'Everybody (Service Messages Only Without Consent)',
    description:
      'Every shopper is sent so service messages about their order can reach them. Shoppers without consent never get the newsletter tag and are never subscribed again.',
  },
};

export function isShopConsentMode(value: unknown): value is ShopConsentMode {
  return value === 'consented' || value === 'everybody';
}

export const NO_SHOP_CONSENT_REASON = 'no e-mail newsletter consent for this shop (consent mode: only shoppers who consented)';

/**
 * What a shop record's consent allows (docs/idosell.md §9). Consent is the approval for the
 * record's own shop; a subscriber without an account is one only because they approved.
 */
export interface ShopConsentPolicy {
  /** Sent at all. */
  send: boolean;
  /** `IdoSell_newsletter` is added. */
  newsletterTag: boolean;
  /** Re-subscribing is ever allowed (still only when the user turns it on). */
  mayResubscribe: boolean;
}

export function shopConsentPolicy(record: ShopRecord, mode: ShopConsentMode = DEFAULT_SHOP_CONSENT_MODE): ShopConsentPolicy {
  const consent = record.type === 'subscriber' ? true : record.buyer.newsletterConsent === true;
  return { send: consent || mode === 'everybody', newsletterTag: consent, mayResubscribe: consent };
}
