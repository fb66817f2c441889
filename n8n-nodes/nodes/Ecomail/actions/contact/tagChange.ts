import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { emailField, listLocator, tagsField } from '../common.descriptions';
import { readContactTarget } from './contactTarget';

/**
 * Add Tags and Remove Tags differ only in wording and in the core call (both read, change and
 * write the contact's whole tag set), so both operations are built here.
 */
export function tagChangeOperation(
	operation: 'addTags' | 'removeTags',
	tagsDescription: string,
): {
	description: INodeProperties[];
	executeItem: (
		this: IExecuteFunctions,
		index: number,
		client: EcomailClient,
	) => Promise<IDataObject>;
} {
	const properties: INodeProperties[] = [
		{ ...listLocator, description: 'A list the contact belongs to (tags are written through it)' },
		{ ...emailField, default: '={{ $json.email }}' },
		{ ...tagsField, required: true, description: tagsDescription },
	];
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['contact'], operation: [operation] } },
			properties,
		),
		async executeItem(
			this: IExecuteFunctions,
			index: number,
			client: EcomailClient,
		): Promise<IDataObject> {
			const { listId, email } = readContactTarget(this, index);
			const tags = this.getNodeParameter('tags', index, []) as string[];
			const change = operation === 'addTags' ? client.addTags : client.removeTags;
			return { ...(await change.call(client, email, tags, { listId })) };
		},
	};
}
