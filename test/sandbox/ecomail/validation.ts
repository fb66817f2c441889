import { validationError } from './errors';
import { CONTACT_FIELDS, type ContactField } from './store';

/** Pragmatic check (one @, no spaces, a dot in the domain); the real rule is unknown [U]. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_TAG_LENGTH = 50;
const MAX_TAGS_TOTAL = 2000;
const MAX_CUSTOM_FIELDS_SIZE = 5000;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ecomail treats e-mails case-insensitively: the sandbox keys contacts by the lower-cased address. */
export function readEmail(raw: unknown, field = 'email'): string {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    throw validationError(field, `The ${field} field is required.`);
  }
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw validationError(field, `The ${field} must be a valid email address.`);
  }
  return email;
}

/** docs/ecomail-api.md §4: ≤ 50 characters per tag, ≤ 2,000 for all tags; duplicates collapse (a tag set). */
export function readTags(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.some((tag) => typeof tag !== 'string')) {
    throw validationError('tags', 'The tags must be an array of strings.');
  }
  const tags = [...new Set(raw as string[])];
  const tooLong = tags.find((tag) => tag.length > MAX_TAG_LENGTH);
  if (tooLong !== undefined) {
    throw validationError('tags', `The tag "${tooLong.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters.`);
  }
  const total = tags.reduce((sum, tag) => sum + tag.length, 0);
  if (total > MAX_TAGS_TOTAL) {
    throw validationError('tags', `The tags may not have more than ${MAX_TAGS_TOTAL} characters in total (got ${total}).`);
  }
  return tags;
}

/** docs/ecomail-api.md §5: keys trimmed and lower-cased; keys equal after that are rejected; ≤ 5,000 characters serialised. */
export function readCustomFields(raw: unknown): Record<string, unknown> {
  if (!isRecord(raw)) throw validationError('custom_fields', 'The custom fields must be an object.');
  const fields: Record<string, unknown> = {};
  const originalKey: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const normalised = key.trim().toLowerCase();
    if (normalised === '') throw validationError('custom_fields', 'A custom field key is empty.');
    if (normalised in fields) {
      throw validationError(
        'custom_fields',
        `The custom field keys "${originalKey[normalised]}" and "${key}" are the same field.`,
      );
    }
    fields[normalised] = value;
    originalKey[normalised] = key;
  }
  const size = JSON.stringify(fields).length;
  if (size > MAX_CUSTOM_FIELDS_SIZE) {
    throw validationError('custom_fields', `The custom fields may not be longer than ${MAX_CUSTOM_FIELDS_SIZE} characters (got ${size}).`);
  }
  return fields;
}

/** `subscriber_data` after validation. Absent keys stay undefined so they leave stored data untouched. */
export interface SubscriberInput {
  email: string;
  fields: Partial<Record<ContactField, string | null>>;
  status?: number;
  tags?: string[];
  customFields?: Record<string, unknown>;
  groups?: Record<string, string[]>;
}

/** Validates one `subscriber_data`; `email` overrides the inner e-mail (update-subscriber's top-level key). */
export function readSubscriberData(raw: unknown, email?: string): SubscriberInput {
  if (!isRecord(raw)) throw validationError('subscriber_data', 'The subscriber data field is required.');
  const input: SubscriberInput = { email: email ?? readEmail(raw.email), fields: {} };
  for (const field of CONTACT_FIELDS) {
    if (field in raw) input.fields[field] = readText(field, raw[field]);
  }
  if (raw.status !== undefined && raw.status !== null) input.status = readStatus(raw.status);
  if (raw.tags !== undefined) input.tags = readTags(raw.tags);
  if (raw.custom_fields !== undefined) input.customFields = readCustomFields(raw.custom_fields);
  if (raw.groups !== undefined) input.groups = readGroups(raw.groups);
  return input;
}

function readText(field: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw validationError(field, `The ${field} must be a string.`);
}

function readStatus(value: unknown): number {
  const status = typeof value === 'string' ? Number(value) : value;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 1 || status > 6) {
    throw validationError('status', 'The status must be an integer between 1 and 6.');
  }
  return status;
}

function readGroups(value: unknown): Record<string, string[]> {
  if (!isRecord(value) || Object.values(value).some((v) => !Array.isArray(v) || v.some((c) => typeof c !== 'string'))) {
    throw validationError('groups', 'The groups must map group ids to arrays of category names.');
  }
  return value as Record<string, string[]>;
}
