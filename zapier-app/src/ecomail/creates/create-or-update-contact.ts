/**
 * Create or Update Contact: one contact typed field by field, cleaned up like every other contact
 * (the core's `typedContact`), then written by the core's `saveContacts`, which decides the import
 * mode, the subscribe flags and the tag handling from the user's choices.
 */
import { SubscriberStatus, saveContacts, typedContact } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { optionalFlag, requiredText } from '../../platform/input';
import { personalizationField, subscribeChoiceField, subscribeChoicesFrom, tagHandlingField, tagHandlingOf } from '../choice-fields';
import { ecomailClient } from '../client';
import { contactOutputFields, contactSample } from '../contact-output';
import { contactDataFields, emailField, extraCustomFieldsField, listCustomFields, listField, subscriberFromInput } from '../fields';
import { importModeField, importModeOf } from '../import-mode-field';
import { savedContact } from '../saved-contact';
import { contactLock } from '../contact-lock';

const consentField = {
  key: 'consent',
  label: 'Newsletter Consent',
  type: 'boolean',
  required: false,
  helpText:
    '**Yes**: the contact is subscribed. **No**: the contact is kept in the list as unsubscribed, so no newsletters go out. Leave empty to keep an existing contact’s status (new contacts are subscribed).',
} satisfies PlainInputField;

const SUBSCRIBE_CHOICES = ['doubleOptIn', 'resubscribe', 'triggerAutomations', 'triggerNotification'] as const;

const contactTagsField = {
  key: 'tags',
  label: 'Tags',
  type: 'string',
  list: true,
  required: false,
  helpText: 'Tags for the contact; **Tag Handling** decides whether they join its existing tags or replace them. Leave empty to keep its tags untouched.',
} satisfies PlainInputField;

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const listId = requiredText(input.listId, 'List');
  const contact = typedContact(subscriberFromInput(input), { personalization: optionalFlag(input.personalization) });
  const consent = optionalFlag(input.consent);
  if (consent !== undefined) contact.status = consent ? SubscriberStatus.subscribed : SubscriberStatus.unsubscribed;
  const mode = importModeOf(input.importMode);
  const client = ecomailClient(z, bundle);
  const {
    outcomes: [outcome],
  } = await saveContacts(client, listId, [contact], {
    mode,
    tagHandling: tagHandlingOf(input.tagHandling),
    subscribe: subscribeChoicesFrom(input, SUBSCRIBE_CHOICES),
  });
  return savedContact(z, client, listId, outcome, mode);
}

export default defineCreate({
  key: 'create_or_update_contact',
  noun: 'Contact',
  display: {
    label: 'Create or Update Contact',
    description: 'Creates a new contact in a list or updates the existing one.',
  },
  operation: {
    lock: contactLock,
    inputFields: [
      { ...listField, altersDynamicFields: true },
      emailField,
      importModeField,
      ...contactDataFields,
      consentField,
      contactTagsField,
      tagHandlingField,
      personalizationField,
      ...SUBSCRIBE_CHOICES.map(subscribeChoiceField),
      listCustomFields,
      extraCustomFieldsField,
    ],
    perform,
    sample: { ...contactSample, already_subscribed: false, import_mode: 'add-and-update' },
    outputFields: [
      ...contactOutputFields,
      { key: 'already_subscribed', label: 'Was Already in List', type: 'boolean' },
      { key: 'import_mode', label: 'Import Mode', type: 'string' },
    ],
  },
});
