import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';

/** Operation modules by their `operation` value. */
export const operations = { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create order',
				description: 'Record an order for segments and order automations',
			},
		],
		default: 'create',
	},
	...create.description,
];
