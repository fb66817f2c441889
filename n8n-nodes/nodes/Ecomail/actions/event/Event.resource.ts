import type { INodeProperties } from 'n8n-workflow';
import * as track from './track.operation';

/** Operation modules by their `operation` value. */
export const operations = { track };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Track',
				value: 'track',
				action: 'Track event',
				description: 'Record a custom event that can start automations',
			},
		],
		default: 'track',
	},
	...track.description,
];
