import type { PlainOutputField } from 'zapier-platform-core';

/** Output of the tag actions: the contact and its whole tag set after the change. */
export const tagsOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Contact Email', type: 'string' },
  { key: 'email', label: 'Email', type: 'string' },
  { key: 'tags', label: 'Tags', type: 'string', list: true },
];

export const tagsSample = { id: 'petra.novakova@example.cz', email: 'petra.novakova@example.cz', tags: ['GoOut', 'GoOut_cs', 'VIP'] };
