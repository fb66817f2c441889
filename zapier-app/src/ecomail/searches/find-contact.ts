/** Find Contact: a contact as member of one list; not a member → no result (never an error). */
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { requiredText } from '../../platform/input';
import { ecomailClient } from '../client';
import { contactOutput, contactOutputFields, contactSample } from '../contact-output';
import { emailField, listField } from '../fields';

async function perform(z: ZObject, bundle: Bundle) {
  const listId = requiredText(bundle.inputData.listId, 'List');
  const email = requiredText(bundle.inputData.email, 'Email');
  const member = await ecomailClient(z, bundle).getListContact(listId, email);
  return member ? [contactOutput(member, listId)] : [];
}

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact in a list by email.',
  },
  operation: {
    inputFields: [listField, { ...emailField, helpText: 'The email address to look up in the chosen list.' }],
    perform,
    sample: contactSample,
    outputFields: contactOutputFields,
  },
});
