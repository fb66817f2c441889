import type { SubscriberData } from '../ecomail/types';
import { MAX_TAG_LENGTH, mergeTags, normalizeEmail } from '../ecomail/validation';
import type { ShopRecord } from '../idosell/types';
import { parsePersonName, personalize } from '../locale';
import type { ShopConsentPolicy } from './idosell-consent';
import { shopTags, type ShopTagOptions } from './idosell-tags';

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
    const person = parsePersonName({ firstName: buyer.firstName, lastName: buyer.lastName });
    if (person.firstName) subscriber.name = person.firstName;
    if (person.lastName) subscriber.surname = person.lastName;
    if (person.pretitle) subscriber.pretitle = person.pretitle;
    if (person.surtitle) subscriber.surtitle = person.surtitle;
    if (buyer.company) subscriber.company = buyer.company;
    if (buyer.phone) subscriber.phone = buyer.phone;
    if (buyer.street) subscriber.street = buyer.street;
    if (buyer.zip) subscriber.zip = buyer.zip;
    if (buyer.city) subscriber.city = buyer.city;
    if (buyer.country) subscriber.country = buyer.country;
    if (buyer.birthDate) subscriber.birthday = buyer.birthDate;
    if (options.personalization !== false) {
      const greeting = personalize({ firstName: person.firstName, lastName: person.lastName, country: buyer.country, language: buyer.language });
      if (greeting.vokativ) subscriber.vokativ = greeting.vokativ;
      if (greeting.vokativ_s) subscriber.vokativ_s = greeting.vokativ_s;
      if (greeting.gender) subscriber.gender = greeting.gender;
      if (greeting.nameday) subscriber.nameday = greeting.nameday;
    }
  }
  subscriber.source = options.source ?? 'IdoSell';
  if (options.tags !== false) {
    const extra = (options.extraTags ?? []).map((tag) => tag.trim().slice(0, MAX_TAG_LENGTH)).filter((tag) => tag !== '');
    subscriber.tags = mergeTags(shopTags(record, consent, options), extra);
  }
  return subscriber;
}
