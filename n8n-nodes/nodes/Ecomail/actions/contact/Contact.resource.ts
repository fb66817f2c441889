import type { INodeProperties } from 'n8n-workflow';
import * as addTags from './addTags.operation';
import * as get from './get.operation';
import * as removeTags from './removeTags.operation';
import * as unsubscribe from './unsubscribe.operation';
import * as upsert from './upsert.operation';

/** Operation modules by their `operation` value. */
export const operations = { addTags, get, removeTags, unsubscribe, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Add Tags',
				value: 'addTags',
				action: 'Add tags to contact',
				description: 'Add tags and keep the others',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update contact',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get contact',
				description: 'Get a contact with its lists and tags',
			},
			{
				name: 'Remove Tags',
				value: 'removeTags',
				action: 'Remove tags from contact',
				description: 'Take tags off a contact',
			},
			{
				name: 'Unsubscribe',
				value: 'unsubscribe',
				action: 'Unsubscribe contact',
				description: 'Unsubscribe a contact from a list',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
	...addTags.description,
	...removeTags.description,
	...get.description,
	...unsubscribe.description,
];
