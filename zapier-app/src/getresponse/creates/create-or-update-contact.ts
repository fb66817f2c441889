/**
 * Create or Update Contact in a GetResponse list: one contact typed field by field, cleaned up like
 * every other contact (the core's `typedContact`), then written by the core's `saveContacts`, which
 * decides the import mode, each row's consent and the tag handling; the GetResponse adapter emulates
 * the upsert (look up, update or create) and adds a contact to a list only with consent
 * (docs/getresponse.md §3).
 */
import { saveContacts, typedContact } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { personalizationField, subscribeChoicesFrom, tagHandlingOf } from '../../ecomail/choice-fields';
import { subscriberFromInput } from '../../ecomail/fields';
import { importModeField, importModeOf } from '../../ecomail/import-mode-field';
import { consentField, consentOf } from '../../destinations/consent-field';
import { optionalFlag, requiredText } from '../../platform/input';
import { getResponseFor } from '../connection';
import {
  CHOICES_LEFT_OUT,
  accountCustomFields,
  campaignField,
  contactFields,
  contactLock,
  emailField,
  extraCustomFieldsField,
  getResponseTagHandlingField,
  startAutomationsField,
  tagsField,
} from '../fields';
import { getResponseContactOutputFields, getResponseSavedContact, savedContactSample } from '../saved-contact';

const consent = consentField({
  yes: 'a new contact is added to the list.',
  no: 'only a contact already in the list is updated; a new one is not added, since every GetResponse contact is a subscriber of its list.',
});

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const campaignId = requiredText(input.campaignId, 'List');
  const contact = typedContact(subscriberFromInput(input), { personalization: optionalFlag(input.personalization) });
  const mode = importModeOf(input.importMode);
  const {
    outcomes: [outcome],
  } = await saveContacts(getResponseFor(z, bundle), campaignId, [contact], {
    mode,
    tagHandling: tagHandlingOf(input.tagHandling),
    subscribe: subscribeChoicesFrom(input, ['triggerAutomations']),
    resubscribeAllowed: consentOf(input),
  });
  return getResponseSavedContact(z, outcome, campaignId, mode);
}

export default defineCreate({
  key: 'create_or_update_contact',
  noun: 'Contact',
  display: {
    label: 'Create or Update Contact',
    description: `Adds a contact to a GetResponse list or updates the one already in it. ${CHOICES_LEFT_OUT}`,
  },
  operation: {
    lock: contactLock,
    inputFields: [
      campaignField,
      emailField,
      importModeField,
      ...contactFields,
      consent,
      tagsField,
      getResponseTagHandlingField,
      personalizationField,
      startAutomationsField,
      accountCustomFields,
      extraCustomFieldsField,
    ],
    perform,
    sample: savedContactSample,
    outputFields: getResponseContactOutputFields,
  },
});
