import { tagChangeOperation } from './tagChange';

export const { description, executeItem } = tagChangeOperation(
	'removeTags',
	'Tags to take off the contact',
);
