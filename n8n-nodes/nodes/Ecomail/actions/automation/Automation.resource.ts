import type { INodeProperties } from 'n8n-workflow';
import * as trigger from './trigger.operation';

/** Operation modules by their `operation` value. */
export const operations = { trigger };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['automation'] } },
		options: [
			{
				name: 'Trigger',
				value: 'trigger',
				action: 'Trigger automation',
				description: 'Start an automation for a contact',
			},
		],
		default: 'trigger',
	},
	...trigger.description,
];
