import type { GetResponseCatalogue } from './catalogue';
import type { ContactParts } from './contact-parts';
import type { CustomFieldValueInput, GetResponseCustomField } from './types';

/** A value GetResponse would refuse, left out so the rest of the contact still arrives. */
export interface FieldNotWritten {
  field: string;
  reason: string;
}

/** One contact with GetResponse's ids resolved, ready to send. */
export interface PreparedContact {
  email: string;
  name?: string;
  /** undefined: the row carries no tags and the contact's stay as they are. */
  tags?: Array<{ name: string; id: string }>;
  fields: Array<{ name: string; value: string; input: CustomFieldValueInput }>;
  notWritten: FieldNotWritten[];
}

/**
 * A choice field takes only its own values: ours is matched to one regardless of case and sent in
 * GetResponse's spelling; a value that matches none is not written (docs/getresponse.md §5.2).
 */
function choiceValue(field: GetResponseCustomField, value: string): string | undefined {
  const allowed = Array.isArray(field.values) ? field.values : [];
  if (allowed.length === 0) return value;
  return allowed.find((option) => option.toLowerCase() === value.toLowerCase());
}

/** Resolves the names of all contacts with one catalogue pass (missing tags and fields created). */
export async function prepareContacts(catalogue: GetResponseCatalogue, contacts: readonly ContactParts[]): Promise<PreparedContact[]> {
  const tagIds = await catalogue.tagIds(contacts.flatMap((contact) => contact.tags ?? []));
  const fields = await catalogue.customFields(contacts.flatMap((contact) => [...contact.fields.keys()]));
  return contacts.map((contact) => {
    const prepared: PreparedContact = { email: contact.email, fields: [], notWritten: [] };
    if (contact.name) prepared.name = contact.name;
    if (contact.tags) prepared.tags = contact.tags.map((name) => ({ name, id: tagIds.get(name) as string }));
    for (const [name, raw] of contact.fields) {
      const field = fields.get(name) as GetResponseCustomField;
      const value = choiceValue(field, raw);
      if (value === undefined) {
        prepared.notWritten.push({ field: name, reason: `"${raw.slice(0, 40)}" is not one of the field's values (${(field.values ?? []).join(', ')})` });
        continue;
      }
      prepared.fields.push({ name, value, input: { customFieldId: field.customFieldId, value: [value] } });
    }
    return prepared;
  });
}
