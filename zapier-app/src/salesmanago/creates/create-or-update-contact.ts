/**
 * Create or Update Contact in SALESmanago: one contact typed field by field, cleaned up like every
 * other contact (the core's `typedContact`), then written by the core's `saveContacts`, which
 * decides the import mode and each row's consent; the SALESmanago adapter turns consent into its
 * opt-in flag and never opts anybody out (docs/salesmanago.md §3.2).
 */
import { saveContacts, salesManagoTags, typedContact } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { personalizationField, subscribeChoiceField, subscribeChoicesFrom } from '../../ecomail/choice-fields';
import { subscriberFromInput } from '../../ecomail/fields';
import { importModeOf } from '../../ecomail/import-mode-field';
import { consentField, consentOf } from '../../destinations/consent-field';
import { savedContactOutputFields, savedContactRecord } from '../../destinations/saved-contact';
import { optionalFlag } from '../../platform/input';
import { salesManagoFor } from '../connection';
import {
  CHOICES_LEFT_OUT,
  NO_TARGET,
  TAGS_ADD_ONLY,
  contactFields,
  contactLock,
  emailField,
  propertiesField,
  salesManagoImportModeField,
  savedSample,
} from '../fields';

const consent = consentField({
  yes: 'a new contact, or one who never opted out, is opted in; one who opted out only with **Resubscribe**.',
  no: 'the contact is saved without touching its email consent. Nobody is ever opted out from here.',
});

const tagsField = { key: 'tags', label: 'Tags', type: 'string', list: true, required: false, helpText: TAGS_ADD_ONLY } satisfies PlainInputField;

/** Of the core's subscribe choices only Resubscribe means something in SALESmanago (CHOICES_LEFT_OUT). */
const SUBSCRIBE_CHOICES = ['resubscribe'] as const;

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const contact = typedContact(subscriberFromInput(input), { personalization: optionalFlag(input.personalization) });
  const mode = importModeOf(input.importMode);
  const {
    outcomes: [outcome],
  } = await saveContacts(salesManagoFor(z, bundle), NO_TARGET, [contact], {
    mode,
    subscribe: subscribeChoicesFrom(input, SUBSCRIBE_CHOICES),
    resubscribeAllowed: consentOf(input),
  });
  // The tags as SALESmanago keeps them (the adapter's spelling), for later steps.
  return { ...savedContactRecord(z, outcome, mode), tags: salesManagoTags(contact.tags ?? []) };
}

export default defineCreate({
  key: 'create_or_update_contact',
  noun: 'Contact',
  display: {
    label: 'Create or Update Contact',
    description: `Creates a SALESmanago contact or updates the existing one by email. ${CHOICES_LEFT_OUT}`,
  },
  operation: {
    lock: contactLock,
    inputFields: [emailField, salesManagoImportModeField, ...contactFields, consent, tagsField, personalizationField, ...SUBSCRIBE_CHOICES.map(subscribeChoiceField), propertiesField],
    perform,
    sample: { ...savedSample, tags: ['ZAPIER', 'VIP'] },
    outputFields: [...savedContactOutputFields('SALESmanago'), { key: 'tags', label: 'Tags', type: 'string', list: true }],
  },
});
