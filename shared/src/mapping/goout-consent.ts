import type { GoOutPurchase } from '../goout/types';

/**
 * What a buyer's newsletter consent allows (docs/goout.md §7, docs/stories.md §1). Every buyer is stored
 * so service messages about the purchase can reach them (legitimate interest), but only consenting
 * buyers carry `GoOut_newsletter`, the tag bulk campaigns must segment on. We set no list status:
 * the status Ecomail's native sync gives non-consenting buyers is undocumented [U], and the tag is
 * the convention organisers already use.
 */
export interface GoOutConsentPolicy {
  /** The buyer said yes explicitly (unknown counts as no). */
  newsletterConsent: boolean;
  /** Whether `GoOut_newsletter` is added. */
  newsletterTag: boolean;
  /** Whether re-subscribing an unsubscribed contact is ever allowed; still only when the user opts in. */
  mayResubscribe: boolean;
}

export function goOutConsentPolicy(purchase: Pick<GoOutPurchase, 'buyer'>): GoOutConsentPolicy {
  const consent = purchase.buyer.newsletterConsent === true;
  return { newsletterConsent: consent, newsletterTag: consent, mayResubscribe: consent };
}
