import { tagChangeOperation } from './tagChange';

export const { description, executeItem } = tagChangeOperation(
	'addTags',
	'Tags to add; the contact keeps its other tags',
);
