/** Hidden trigger behind every list dropdown (`dynamic: 'list.id.name'`). */
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { ecomailClient } from '../client';

async function perform(z: ZObject, bundle: Bundle) {
  const lists = await ecomailClient(z, bundle).getLists();
  return lists.map((list) => ({ id: String(list.id), name: list.name }));
}

export default defineTrigger({
  key: 'list',
  noun: 'List',
  display: { label: 'New List', description: 'Triggers when a list is added (feeds the list dropdowns).', hidden: true },
  operation: { type: 'polling', perform },
});
