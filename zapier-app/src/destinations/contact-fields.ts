/**
 * The contact data fields of the Ecomail app, offered by the other destination apps too: the core's
 * contact has Ecomail's field names (docs/pipeline.md §11) and each adapter places them in its own
 * system, so a destination app picks the fields its adapter writes and says where each one lands.
 * Read with the Ecomail app's `subscriberFromInput`, which takes only the keys present.
 */
import type { PlainInputField } from 'zapier-platform-core';
import { contactDataFields } from '../ecomail/fields';

type ContactKey = (typeof contactDataFields)[number]['key'];

/** The fields named, in the Ecomail app's order, each with the destination's help text where given. */
export function destinationContactFields(keys: readonly ContactKey[], helpTexts: Partial<Record<ContactKey, string>> = {}): PlainInputField[] {
  return contactDataFields
    .filter((field) => keys.includes(field.key))
    .map((field) => {
      const helpText = helpTexts[field.key] ?? ('helpText' in field ? field.helpText : undefined);
      return helpText === undefined ? { ...field } : { ...field, helpText };
    });
}
