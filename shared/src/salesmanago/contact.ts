import type { CustomFieldValue, SubscriberData } from '../ecomail/types';
import { isValidEmail, normalizeEmail } from '../ecomail/validation';
import { salesManagoTag, salesManagoTags } from './tags';
import type { SalesManagoAddress, SalesManagoUpsert } from './types';

/**
 * Fields of the core's canonical contact that SALESmanago has no place for, kept as `properties`
 * under the same names so e-mails can still greet people by vocative (docs/salesmanago.md §3).
 */
const PROPERTY_FIELDS = ['vokativ', 'vokativ_s', 'gender', 'nameday', 'pretitle', 'surtitle', 'source'] as const;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why SALESmanago could not take this contact as it is, or undefined. */
export function salesManagoContactProblem(data: SubscriberData): string | undefined {
  if (!data || typeof data !== 'object') return 'contact data is missing';
  const email = typeof data.email === 'string' ? normalizeEmail(data.email) : '';
  if (email === '') return 'e-mail is missing';
  if (!isValidEmail(email)) return `"${String(data.email).trim().slice(0, 80)}" is not a valid e-mail address`;
  if (data.tags !== undefined) {
    if (!Array.isArray(data.tags)) return 'tags must be a list of text values';
    const unusable = data.tags.find((tag) => salesManagoTag(String(tag)) === null);
    if (unusable !== undefined) return `tag "${String(unusable).slice(0, 40)}" has no letter or digit SALESmanago could keep`;
  }
  if (data.birthday && !ISO_DAY.test(data.birthday.trim())) return `birthday "${data.birthday.slice(0, 20)}" is not a date as YYYY-MM-DD`;
  return undefined;
}

/**
 * The canonical contact → one SALESmanago upsert (docs/salesmanago.md §3): name and surname as the
 * one `name`, the postal fields as `address`, `birthday` as yyyyMMdd, custom fields and the
 * personalisation fields as text `properties`, tags normalised and only ever added. The consent
 * flags are the caller's decision; the phone flags are never set (no source gives phone consent).
 */
export function salesManagoUpsert(data: SubscriberData, consent: { forceOptIn: boolean }): SalesManagoUpsert {
  const name = [data.name, data.surname].map((part) => part?.trim()).filter(Boolean).join(' ');
  const address: SalesManagoAddress = dropEmpty({ streetAddress: data.street, zipCode: data.zip, city: data.city, country: data.country });
  const properties: Record<string, string> = {};
  for (const key of PROPERTY_FIELDS) {
    const value = data[key]?.trim();
    if (value) properties[key] = value;
  }
  for (const [key, value] of Object.entries(data.custom_fields ?? {})) {
    const text = propertyText(value);
    if (text !== undefined && key.trim()) properties[key.trim()] = text;
  }
  const birthday = data.birthday?.trim().replace(ISO_DAY, '$1$2$3');
  const tags = data.tags ? salesManagoTags(data.tags) : [];
  return {
    contact: { email: normalizeEmail(data.email), ...dropEmpty({ name, phone: data.phone, company: data.company }), ...(Object.keys(address).length ? { address } : {}) },
    ...(birthday ? { birthday } : {}),
    ...(tags.length ? { tags } : {}),
    ...(Object.keys(properties).length ? { properties } : {}),
    forceOptIn: consent.forceOptIn,
    forceOptOut: false,
    forcePhoneOptIn: false,
    forcePhoneOptOut: false,
  };
}

/** Text of a custom-field value; null and empty text mean "no value" (nothing is overwritten). */
function propertyText(value: CustomFieldValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  const raw = typeof value === 'object' ? value.value : value;
  const text = String(raw).trim();
  return text === '' ? undefined : text;
}

function dropEmpty<T extends Record<string, string | undefined>>(fields: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const [key, value] of Object.entries(fields)) {
    const text = value?.trim();
    if (text) out[key as keyof T] = text;
  }
  return out;
}
