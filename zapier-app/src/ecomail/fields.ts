/**
 * Input fields several Ecomail operations share. Lists and automations are dropdowns fed by the
 * hidden triggers `list` and `automation`, never typed ids (Zapier checks D004/D005).
 */
import type { CustomFieldDefinition, SubscriberData } from '@ecomail-bridge/shared';
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { dictOf, text, textList } from '../platform/input';
import { ecomailClient } from './client';

export const listField = {
  key: 'listId',
  label: 'List',
  type: 'string',
  required: true,
  dynamic: 'list.id.name',
  helpText: 'The Ecomail list (audience) the contact belongs to.',
} satisfies PlainInputField;

export const emailField = {
  key: 'email',
  label: 'Email',
  type: 'string',
  required: true,
  helpText: 'The contact is identified by this address (trimmed and lower-cased before sending).',
} satisfies PlainInputField;

export const tagsField = {
  key: 'tags',
  label: 'Tags',
  type: 'string',
  list: true,
  required: true,
} satisfies PlainInputField;

/** Contact data fields, in Ecomail's own names (docs/ecomail-api.md §3.2). */
export const contactDataFields = [
  { key: 'name', label: 'First Name', type: 'string', required: false },
  { key: 'surname', label: 'Last Name', type: 'string', required: false },
  { key: 'company', label: 'Company', type: 'string', required: false },
  { key: 'phone', label: 'Phone', type: 'string', required: false, helpText: 'International format, e.g. `+420601234567`.' },
  { key: 'street', label: 'Street', type: 'string', required: false },
  { key: 'city', label: 'City', type: 'string', required: false },
  { key: 'zip', label: 'Postal Code', type: 'string', required: false },
  { key: 'country', label: 'Country', type: 'string', required: false, helpText: 'Two-letter ISO code such as `CZ` or `SK`; Ecomail picks the name-day calendar by it.' },
  { key: 'gender', label: 'Gender', type: 'string', required: false, choices: { male: 'Male', female: 'Female' }, helpText: 'Leave empty to fill it from a Czech or Slovak first name (see **Vocative and Name Day**).' },
  { key: 'birthday', label: 'Birthday', type: 'string', required: false, helpText: 'As `YYYY-MM-DD`.' },
  { key: 'source', label: 'Source', type: 'string', required: false, helpText: 'Free text Ecomail shows as the contact source and can segment by, e.g. `Zapier`.' },
] satisfies PlainInputField[];

const CONTACT_DATA_KEYS = contactDataFields.map((field) => field.key);

/** Input keys of the per-list custom fields; the prefix keeps them apart from the static fields. */
export const CUSTOM_FIELD_PREFIX = 'custom__';

/**
 * The chosen list's custom fields as input fields (loaded from `GET /lists/{id}`), so users map
 * values into named fields instead of typing merge keys.
 */
export async function listCustomFields(z: ZObject, bundle: Bundle): Promise<PlainInputField[]> {
  const listId = text(bundle.inputData.listId);
  if (!listId) return [];
  const list = await ecomailClient(z, bundle).getList(listId);
  return Object.entries(list.custom_fields).map(([key, definition]) => customInputField(key, definition));
}

function customInputField(key: string, definition: CustomFieldDefinition): PlainInputField {
  const numeric = definition.type === 'int' || definition.type === 'float' || definition.type === 'number';
  return {
    key: `${CUSTOM_FIELD_PREFIX}${key}`,
    label: definition.name || key,
    type: numeric ? 'number' : 'string',
    required: false,
    helpText: `Custom field \`${key}\` of this list (${definition.type}).`,
  };
}

/** Extra custom fields the list does not define yet (Ecomail creates unknown keys on subscribe). */
export const extraCustomFieldsField = {
  key: 'customFields',
  label: 'Other Custom Fields',
  dict: true,
  required: false,
  helpText: 'Merge key on the left, value on the right, for custom fields not shown above.',
} satisfies PlainInputField;

/** Reads the contact data, tags and custom fields the user mapped into `SubscriberData`. */
export function subscriberFromInput(input: Record<string, unknown>): SubscriberData {
  const data: Record<string, unknown> = { email: text(input.email) ?? '' };
  for (const key of CONTACT_DATA_KEYS) {
    const value = text(input[key]);
    if (value !== undefined) data[key] = key === 'country' ? value.toUpperCase() : value;
  }
  const customFields: Record<string, string | number> = { ...dictOf(input.customFields) };
  for (const [key, value] of Object.entries(input)) {
    if (!key.startsWith(CUSTOM_FIELD_PREFIX)) continue;
    const clean = typeof value === 'number' ? value : text(value);
    if (clean !== undefined) customFields[key.slice(CUSTOM_FIELD_PREFIX.length)] = clean;
  }
  if (Object.keys(customFields).length) data.custom_fields = customFields;
  const tags = textList(input.tags);
  if (tags.length) data.tags = tags;
  return data as unknown as SubscriberData;
}
