import type { CustomFieldValue, SubscriberData } from '../ecomail/types';
import { isValidEmail } from '../ecomail/validation';
import { getResponseFieldName, getResponseTagName } from './names';

/**
 * Our contact fields that GetResponse keeps as custom fields, under these names
 * (docs/getresponse.md §5.2). `zip` and `birthday` take the names of GetResponse's own
 * predefined fields [U: the predefined set is not in the reference]; the rest keep ours.
 */
export const STANDARD_FIELD_NAMES: Readonly<Record<string, string>> = {
  vokativ: 'vokativ',
  vokativ_s: 'vokativ_s',
  nameday: 'nameday',
  gender: 'gender',
  pretitle: 'pretitle',
  surtitle: 'surtitle',
  company: 'company',
  street: 'street',
  city: 'city',
  zip: 'postal_code',
  country: 'country',
  phone: 'phone',
  birthday: 'birthdate',
  source: 'source',
};

/** One contact in GetResponse's terms: names of tags and fields, not yet their ids. */
export interface ContactParts {
  email: string;
  /** GetResponse keeps one name: first name and surname joined. */
  name?: string;
  /** GetResponse field name → the one value, in first-seen order. Empty values are left out. */
  fields: Map<string, string>;
  /** GetResponse tag names; undefined when the row carries no tags (the contact's stay untouched). */
  tags?: string[];
}

function text(value: CustomFieldValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = typeof value === 'object' ? value.value : value;
  const result = String(raw).trim();
  return result === '' ? undefined : result;
}

/** Where each value of the row lands, or why it cannot; shared by `contactParts` and `contactProblem`. */
function fieldEntries(data: SubscriberData): { entries: Array<[string, string]>; problem?: string } {
  const entries: Array<[string, string]> = [];
  const origin = new Map<string, string>();
  const add = (source: string, name: string | undefined, value: CustomFieldValue | undefined): string | undefined => {
    if (!name) return `custom field "${source.slice(0, 40)}" has no letter or digit GetResponse can name a field with`;
    const seen = origin.get(name);
    if (seen !== undefined) return `"${seen}" and "${source.slice(0, 40)}" would both be GetResponse's field "${name}"`;
    origin.set(name, source);
    const value_ = text(value);
    if (value_ !== undefined) entries.push([name, value_]);
    return undefined;
  };
  const record = data as unknown as Record<string, CustomFieldValue | undefined>;
  for (const [key, name] of Object.entries(STANDARD_FIELD_NAMES)) {
    if (record[key] === undefined) continue;
    const problem = add(key, name, record[key]);
    if (problem) return { entries, problem };
  }
  for (const [key, value] of Object.entries(data.custom_fields ?? {})) {
    const problem = add(key, getResponseFieldName(key), value);
    if (problem) return { entries, problem };
  }
  return { entries };
}

/** Why GetResponse could not take this contact, or undefined. */
export function contactProblem(data: SubscriberData): string | undefined {
  if (!data || typeof data !== 'object') return 'contact data is missing';
  if (!isValidEmail(data.email)) return data.email ? `"${String(data.email).slice(0, 80)}" is not a valid e-mail address` : 'e-mail is missing';
  if (data.tags !== undefined && !Array.isArray(data.tags)) return 'tags must be a list of text values';
  return fieldEntries(data).problem;
}

/** The contact in GetResponse's terms; call `contactProblem` first. */
export function contactParts(data: SubscriberData): ContactParts {
  const name = [data.name, data.surname].map((part) => (typeof part === 'string' ? part.trim() : '')).filter(Boolean).join(' ');
  const parts: ContactParts = { email: data.email, fields: new Map(fieldEntries(data).entries) };
  if (name) parts.name = name;
  if (Array.isArray(data.tags)) {
    const tags = data.tags.map((tag) => String(tag).trim()).filter((tag) => tag !== '');
    parts.tags = [...new Set(tags.map(getResponseTagName))];
  }
  return parts;
}
