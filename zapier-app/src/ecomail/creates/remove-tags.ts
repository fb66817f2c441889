/** Remove Tags from Contact: takes tags out of the contact's set and keeps the others. */
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
  const result = await ecomailClient(z, bundle).removeTags(email, tags, { listId });
  return { id: result.email, ...result };
}

export default defineCreate({
  key: 'remove_tags',
  noun: 'Tags',
  display: { label: 'Remove Tags from Contact', description: 'Removes tags from a contact and keeps its other tags.' },
  operation: {
    lock: contactLock,
    inputFields: [
      { ...listField, helpText: 'A list the contact belongs to (tags belong to the contact in every list).' },
      emailField,
      { ...tagsField, label: 'Tags to Remove', helpText: 'Tags the contact does not have are ignored.' },
    ],
    perform,
    sample: { ...tagsSample, tags: ['GoOut'] },
    outputFields: tagsOutputFields,
  },
});
