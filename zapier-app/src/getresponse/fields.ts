/**
 * Input fields the GetResponse creates share. The list is a dropdown fed by the hidden trigger
 * `campaign` (GetResponse calls lists campaigns); custom fields are named, never typed ids.
 */
import { STANDARD_FIELD_NAMES, TAG_HANDLING_TEXT } from '@ecomail-bridge/shared';
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { subscribeChoiceField, tagHandlingField } from '../ecomail/choice-fields';
import { CUSTOM_FIELD_PREFIX, emailField as ecomailEmailField, extraCustomFieldsField as ecomailExtraCustomFieldsField } from '../ecomail/fields';
import { destinationContactFields } from '../destinations/contact-fields';
import { zapierWording } from '../platform/wording';
import { getResponseFor } from './connection';

export const campaignField = {
  key: 'campaignId',
  label: 'List',
  type: 'string',
  required: true,
  dynamic: 'campaign.id.name',
  helpText: 'The GetResponse list (campaign) the contact belongs to. Every address on a second list counts again towards the contacts GetResponse bills.',
} satisfies PlainInputField;

export const emailField = {
  ...ecomailEmailField,
  helpText: 'The contact is found in the list by this address (trimmed and lower-cased before sending).',
} satisfies PlainInputField;

const CONTACT_KEYS = ['name', 'surname', 'company', 'phone', 'street', 'city', 'zip', 'country', 'gender', 'birthday', 'source'] as const;

const keptAs = (key: string) => `Kept in the GetResponse custom field \`${STANDARD_FIELD_NAMES[key]}\` (created when missing).`;

/** Where the core's GetResponse adapter puts each field (docs/getresponse.md §5.2). */
export const contactFields = destinationContactFields(CONTACT_KEYS, {
  name: 'GetResponse keeps one name: first and last name are joined.',
  surname: 'Academic titles such as `Ing.` are split off into the custom fields `pretitle` / `surtitle`.',
  company: keptAs('company'),
  phone: `International format, e.g. \`+420601234567\`. ${keptAs('phone')}`,
  street: keptAs('street'),
  city: keptAs('city'),
  zip: keptAs('zip'),
  country: `Two-letter ISO code such as \`CZ\` or \`SK\`; it also picks the name-day calendar. ${keptAs('country')}`,
  gender: `${keptAs('gender')} Leave empty to fill it from a Czech or Slovak first name (see **Vocative and Name Day**).`,
  birthday: `As \`YYYY-MM-DD\`. ${keptAs('birthday')}`,
  source: `e.g. \`Zapier\`. ${keptAs('source')}`,
});

const STANDARD_NAMES = new Set(Object.values(STANDARD_FIELD_NAMES));

/**
 * The account's other custom fields as named inputs (GetResponse's fields belong to the account,
 * not to a list); a field with fixed values becomes a dropdown of them.
 */
export async function accountCustomFields(z: ZObject, bundle: Bundle): Promise<PlainInputField[]> {
  const fields = await getResponseFor(z, bundle).client.listCustomFields();
  return fields
    .filter((field) => !STANDARD_NAMES.has(field.name))
    .map((field) => ({
      key: `${CUSTOM_FIELD_PREFIX}${field.name}`,
      label: field.name,
      type: 'string',
      required: false,
      ...(field.values?.length ? { choices: field.values } : {}),
      helpText: `GetResponse custom field \`${field.name}\`${field.type ? ` (${field.type})` : ''}.`,
    }));
}

export const extraCustomFieldsField = {
  ...ecomailExtraCustomFieldsField,
  helpText: 'Field name on the left, value on the right, for custom fields not shown above; a missing field is created (names in lower case, digits and `_`).',
} satisfies PlainInputField;

export const tagsField = {
  key: 'tags',
  label: 'Tags',
  type: 'string',
  list: true,
  required: false,
  helpText:
    'Tags for the contact; **Tag Handling** decides whether they join its tags or replace them. GetResponse allows only letters, digits and `_`, so tags are sent as such (`hudba a tanec` → `hudba_a_tanec`) and created when missing.',
} satisfies PlainInputField;

/** The core's choice with the core's labels and default; what keeping tags costs is GetResponse's own. */
export const getResponseTagHandlingField = {
  ...tagHandlingField,
  helpText: zapierWording(
    `**${TAG_HANDLING_TEXT.add.label}**: the contact keeps the tags it already has; GetResponse adds the new ones beside them. **${TAG_HANDLING_TEXT.replace.label}**: ${TAG_HANDLING_TEXT.replace.description}`,
  ),
} satisfies PlainInputField;

/** The core's Start Automations, as GetResponse does it (the adapter's `dayOfCycle`). */
export const startAutomationsField = {
  ...subscribeChoiceField('triggerAutomations'),
  helpText: 'New contacts enter the list’s autoresponder cycle on day 0; contacts already in the list are not moved in it. Off by default so imports of older data mail nobody.',
} satisfies PlainInputField;

/**
 * Choices of the Ecomail app left out here, said once in the actions' descriptions: GetResponse
 * applies its list's own confirmation settings, has no new-subscriber notification of ours, and no
 * way to bring back an address that unsubscribed is known (docs/getresponse.md §3.4).
 */
export const CHOICES_LEFT_OUT =
  'Confirmation emails follow the list’s own settings in GetResponse, and this connection has no way to subscribe again someone who unsubscribed, so those choices are not offered.';

/** Each write looks the contact up in the list first: runs for one contact go one at a time, per connection. */
export const contactLock = {
  key: 'getresponse-contact-{{bundle.inputData.campaignId}}-{{bundle.inputData.email}}',
  scope: ['auth' as const],
  timeout: 60,
};
