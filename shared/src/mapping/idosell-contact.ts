import type { SubscriberData } from '../ecomail/types';
import { mergeTags, normalizeEmail } from '../ecomail/validation';
import type { ShopRecord } from '../idosell/types';
import type { ShopConsentPolicy } from './idosell-consent';
import { shopTags, type ShopTagOptions } from './idosell-tags';
import { addPersonFields, cleanExtraTags } from './person-fields';

export interface ShopMappingOptions extends ShopTagOptions {
  /** `IdoSell`, `IdoSell_<lang>`, `IdoSell_newsletter`, segment and category tags. Off → no `tags` key. Default true. */
  tags?: boolean;
  /** Vocative, gender and name day for CZ/SK shoppers. Default true. */
  personalization?: boolean;
  /** Default `IdoSell`. */
  source?: string;
  extraTags?: readonly string[];
}

/**
 * A shop record → Ecomail `subscriber_data` (docs/idosell.md §8.3): e-mail, name, company, birth
 * date, phone and billing address from an order; e-mail only from a subscriber without an account.
 * `consent` comes from `shopConsentPolicy`, so the newsletter tag follows the record's own shop.
 */
export function mapShopRecord(record: ShopRecord, consent: ShopConsentPolicy, options: ShopMappingOptions = {}): SubscriberData {
  const subscriber: SubscriberData = { email: normalizeEmail(record.type === 'order' ? record.buyer.email : record.email) };
  if (record.type === 'order') {
    const { buyer } = record;
    addPersonFields(subscriber, buyer, options.personalization !== false);
    if (buyer.company) subscriber.company = buyer.company;
    if (buyer.phone) subscriber.phone = buyer.phone;
    if (buyer.street) subscriber.street = buyer.street;
    if (buyer.zip) subscriber.zip = buyer.zip;
    if (buyer.city) subscriber.city = buyer.city;
    if (buyer.country) subscriber.country = buyer.country;
    if (buyer.birthDate) subscriber.birthday = buyer.birthDate;
  }
  subscriber.source = options.source ?? 'IdoSell';
  if (options.tags !== false) {
    subscriber.tags = mergeTags(shopTags(record, consent, options), cleanExtraTags(options.extraTags));
  }
  return subscriber;
}
