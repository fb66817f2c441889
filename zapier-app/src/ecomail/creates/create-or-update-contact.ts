/** Create or Update Contact: subscribe (upsert) one contact to a list under an import mode. */
import { SubscriberStatus } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { flag, requiredText, text } from '../../platform/input';
import { ecomailClient } from '../client';
import { contactOutputFields, contactSample } from '../contact-output';
import { contactDataFields, emailField, extraCustomFieldsField, listCustomFields, listField, subscriberFromInput } from '../fields';
import { importModeField, importModeOf } from '../import-mode-field';
import { saveContact } from '../save-contact';
import { contactLock } from '../contact-lock';

const consentField = {
  key: 'consent',
  label: 'Newsletter Consent',
  type: 'boolean',
  required: false,
  helpText:
    '**Yes**: the contact is subscribed. **No**: the contact is kept in the list as unsubscribed, so no newsletters go out. Leave empty to keep an existing contact’s status (new contacts are subscribed).',
} satisfies PlainInputField;

const optionFields = [
  {
    key: 'doubleOptIn',
    label: 'Send Confirmation Email',
    type: 'boolean',
    required: false,
    default: 'false',
    helpText: 'On lists with double opt-in, **Yes** sends Ecomail’s confirmation e-mail and the contact waits as unconfirmed.',
  },
  { key: 'resubscribe', label: 'Resubscribe', type: 'boolean', required: false, default: 'false', helpText: '**Yes** subscribes again a contact who had unsubscribed from this list. Use only with fresh consent.' },
  { key: 'triggerAutoresponders', label: 'Start Automations', type: 'boolean', required: false, default: 'false', helpText: '**Yes** starts the list’s “subscribed to list” automations for this contact.' },
] satisfies PlainInputField[];

const contactTagsField = {
  key: 'tags',
  label: 'Tags',
  type: 'string',
  list: true,
  required: false,
  helpText: 'Replaces the contact’s whole tag set when given. To add or remove single tags use **Add Tags to Contact** / **Remove Tags from Contact**.',
} satisfies PlainInputField;

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const listId = requiredText(input.listId, 'List');
  const subscriber = subscriberFromInput(input);
  if (text(input.consent) !== undefined || typeof input.consent === 'boolean') {
    subscriber.status = flag(input.consent, true) ? SubscriberStatus.subscribed : SubscriberStatus.unsubscribed;
  }
  return saveContact(z, ecomailClient(z, bundle), listId, subscriber, importModeOf(input.importMode), {
    doubleOptIn: flag(input.doubleOptIn, false),
    resubscribe: flag(input.resubscribe, false),
    triggerAutomations: flag(input.triggerAutoresponders, false),
  });
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
      ...optionFields,
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
