/** Add Tags to Contact: merges tags into the contact's set (Ecomail itself only replaces the set). */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { requiredText, textList } from '../../platform/input';
import { ecomailClient } from '../client';
import { emailField, listField, tagsField } from '../fields';
import { tagsOutputFields, tagsSample } from '../tags-output';
import { contactLock } from '../contact-lock';

async function perform(z: ZObject, bundle: Bundle) {
  const listId = requiredText(bundle.inputData.listId, 'List');
  const email = requiredText(bundle.inputData.email, 'Email');
  const tags = textList(bundle.inputData.tags);
  const result = await ecomailClient(z, bundle).addTags(email, tags, { listId });
  return { id: result.email, ...result };
}

export default defineCreate({
  key: 'add_tags',
  noun: 'Tags',
  display: { label: 'Add Tags to Contact', description: 'Adds tags to a contact and keeps the tags it already has.' },
  operation: {
    lock: contactLock,
    inputFields: [
      { ...listField, helpText: 'A list the contact belongs to (tags belong to the contact in every list).' },
      emailField,
      { ...tagsField, label: 'Tags to Add', helpText: 'Each tag at most 50 characters.' },
    ],
    perform,
    sample: tagsSample,
    outputFields: tagsOutputFields,
  },
});
