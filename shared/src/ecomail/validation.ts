import type { SubscriberData } from './types';

export const MAX_TAG_LENGTH = 50;
export const MAX_TAGS_TOTAL_LENGTH = 2000;
export const MAX_CUSTOM_FIELDS_LENGTH = 5000;
export const MAX_EVENT_VALUE_LENGTH = 20_000;

// Deliberately pragmatic: one @, no spaces, a dot in the domain. Ecomail's exact rule is not
// published; this refuses what it surely refuses and lets the server judge the rest.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]{2,}$/;

export function isValidEmail(email: unknown): email is string {
  return typeof email === 'string' && email.length <= 254 && EMAIL.test(email);
}

/** Trims and lower-cases: Ecomail treats addresses case-insensitively, and so do our dedupe keys. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Why a tag set would be refused, or undefined. */
export function validateTags(tags: readonly string[]): string | undefined {
  let total = 0;
  for (const tag of tags) {
    if (typeof tag !== 'string' || tag.trim() === '') return 'tags must be non-empty text';
    if (tag.length > MAX_TAG_LENGTH) {
      return `tag "${tag.slice(0, 20)}…" has ${tag.length} characters; Ecomail allows ${MAX_TAG_LENGTH}`;
    }
    total += tag.length;
  }
  if (total > MAX_TAGS_TOTAL_LENGTH) {
    return `the contact's tags add up to ${total} characters; Ecomail allows ${MAX_TAGS_TOTAL_LENGTH} in total`;
  }
  return undefined;
}

/** Why Ecomail would refuse this contact, or undefined when it looks acceptable. */
export function validateSubscriber(subscriber: SubscriberData): string | undefined {
  if (!subscriber || typeof subscriber !== 'object') return 'contact data is missing';
  if (!isValidEmail(subscriber.email)) {
    return subscriber.email ? `"${String(subscriber.email).slice(0, 80)}" is not a valid e-mail address` : 'e-mail is missing';
  }
  if (subscriber.tags !== undefined) {
    if (!Array.isArray(subscriber.tags)) return 'tags must be a list of text values';
    const tagProblem = validateTags(subscriber.tags);
    if (tagProblem) return tagProblem;
  }
  if (subscriber.custom_fields !== undefined) {
    const seen = new Set<string>();
    for (const key of Object.keys(subscriber.custom_fields)) {
      const folded = key.trim().toLowerCase();
      if (seen.has(folded)) return `custom field "${key}" appears twice (Ecomail ignores case and spaces in keys)`;
      seen.add(folded);
    }
    const size = JSON.stringify(subscriber.custom_fields).length;
    if (size > MAX_CUSTOM_FIELDS_LENGTH) {
      return `custom fields take ${size} characters; Ecomail allows ${MAX_CUSTOM_FIELDS_LENGTH}`;
    }
  }
  return undefined;
}

/** Union of tag sets in first-seen order, compared case-sensitively like Ecomail stores them. */
export function mergeTags(existing: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...existing, ...added])];
}

export function withoutTags(existing: readonly string[], removed: readonly string[]): string[] {
  const drop = new Set(removed);
  return existing.filter((tag) => !drop.has(tag));
}
