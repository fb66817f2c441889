import { invalid } from './errors';
import type { GetResponseStore, StoredField } from './store';

/** Pragmatic: one @, no spaces, a dot in the domain; GetResponse's exact rule is not published [U]. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[^\s@.]{2,}$/;
/** docs/getresponse.md §5. */
export const TAG_NAME = /^[_a-zA-Z0-9]{2,64}$/;
const FIELD_NAME = /^[a-z0-9_]{1,128}$/;
const FIELD_TYPES = ['text', 'textarea', 'radio', 'checkbox', 'single_select', 'multi_select', 'number', 'date', 'datetime', 'country', 'currency', 'phone', 'gender', 'ip', 'url'];
/** A name longer than this is refused [A: GetResponse's limit is not in the reference]. */
const MAX_NAME = 128;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

export function readEmail(raw: unknown, field = 'email'): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw invalid(field, 'Value is required');
  const email = raw.trim().toLowerCase();
  if (!isEmail(email)) throw invalid(field, 'Value is not a valid email address');
  return email;
}

export function readName(raw: unknown): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  if (typeof raw !== 'string') throw invalid('name', 'Value should be a string');
  if (raw.length > MAX_NAME) throw invalid('name', `Value is too long (at most ${MAX_NAME} characters)`);
  return raw;
}

export function readDayOfCycle(raw: unknown): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const text = String(raw);
  if (!/^\d{1,4}$/.test(text)) throw invalid('dayOfCycle', 'Value should be a whole number from 0 to 9999');
  return text;
}

/** `tags: [{tagId}]` of single create / update: ids that exist. */
export function readTagIds(store: GetResponseStore, raw: unknown): string[] {
  if (!Array.isArray(raw)) throw invalid('tags', 'Value should be an array of {"tagId": …}');
  const ids = raw.map((entry) => (isRecord(entry) ? entry.tagId : undefined));
  for (const id of ids) if (typeof id !== 'string' || !store.tags.has(id)) throw invalid('tags.tagId', `Tag ${String(id)} does not exist`);
  return [...new Set(ids as string[])];
}

/** A field's value must fit its type: choice fields their values, phone, date and number their formats. */
export function checkFieldValue(field: StoredField, value: string, path: string): void {
  if (field.values.length > 0 && !field.values.includes(value)) throw invalid(path, `"${value}" is not one of the values of field ${field.name}`);
  if (field.type === 'phone' && !/^\+?[0-9]{6,15}$/.test(value.replace(/[\s-]/g, ''))) throw invalid(path, `"${value}" is not a phone number`);
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw invalid(path, `"${value}" is not a date (YYYY-MM-DD)`);
  if (field.type === 'number' && !Number.isFinite(Number(value))) throw invalid(path, `"${value}" is not a number`);
}

/** `customFieldValues: [{customFieldId, value: [strings]}]`: always arrays of strings (docs/getresponse.md §5). */
export function readFieldValues(store: GetResponseStore, raw: unknown): Map<string, string[]> {
  if (!Array.isArray(raw)) throw invalid('customFieldValues', 'Value should be an array');
  const values = new Map<string, string[]>();
  raw.forEach((entry, i) => {
    const path = `customFieldValues.${i}`;
    if (!isRecord(entry)) throw invalid(path, 'Value should be an object');
    const field = typeof entry.customFieldId === 'string' ? store.fields.get(entry.customFieldId) : undefined;
    if (!field) throw invalid(`${path}.customFieldId`, `Custom field ${String(entry.customFieldId)} does not exist`);
    const value = entry.value;
    if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string')) {
      throw invalid(`${path}.value`, 'Value should be a non-empty array of strings');
    }
    for (const v of value as string[]) checkFieldValue(field, v, `${path}.value`);
    values.set(field.customFieldId, [...(value as string[])]);
  });
  return values;
}

export function readTagName(raw: unknown): string {
  if (typeof raw !== 'string' || !TAG_NAME.test(raw)) throw invalid('name', 'Tag name must match ^[_a-zA-Z0-9]{2,64}$');
  return raw;
}

export function readFieldDefinition(raw: Record<string, unknown>): Omit<StoredField, 'customFieldId'> {
  if (typeof raw.name !== 'string' || !FIELD_NAME.test(raw.name)) throw invalid('name', 'Name may hold lower-case letters, digits and underscores only');
  if (typeof raw.type !== 'string' || !FIELD_TYPES.includes(raw.type)) throw invalid('type', `Type must be one of ${FIELD_TYPES.join(', ')}`);
  if (typeof raw.format !== 'string' || raw.format === '') throw invalid('format', 'Value is required');
  // GetResponse wants the STRING "true" / "false" here (docs/getresponse.md §5).
  if (raw.hidden !== 'true' && raw.hidden !== 'false') throw invalid('hidden', 'Value should be the string "true" or "false"');
  if (!Array.isArray(raw.values) || raw.values.some((v) => typeof v !== 'string')) throw invalid('values', 'Value should be an array of strings');
  return { name: raw.name, type: raw.type, format: raw.format, hidden: raw.hidden, values: [...(raw.values as string[])] };
}

/** docs/getresponse.md §5: 3–64 characters, no emoji, none of / \ @ [ ]. */
export function readCampaignName(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length < 3 || raw.length > 64) throw invalid('name', 'Name must have 3 to 64 characters');
  if (/[/\\@[\]]/.test(raw) || /\p{Extended_Pictographic}/u.test(raw)) throw invalid('name', 'Name may not hold emoji or any of / \\ @ [ ]');
  return raw;
}
