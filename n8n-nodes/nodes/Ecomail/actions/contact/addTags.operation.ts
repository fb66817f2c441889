import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { emailField, listLocator, tagsField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...listLocator, description: 'A list the contact belongs to (tags are written through it)' },
	{ ...emailField, default: '={{ $json.email }}' },
	{ ...tagsField, required: true, description: 'Tags to add; the contact keeps its other tags' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['addTags'] } },
	properties,
);

export async function executeItem(
	this: IExecuteFunctions,
	index: number,
	client: EcomailClient,
): Promise<IDataObject> {
	const listId = String(this.getNodeParameter('list', index, '', { extractValue: true }));
	const email = String(this.getNodeParameter('email', index, ''));
	const tags = this.getNodeParameter('tags', index, []) as string[];
	return { ...(await client.addTags(email, tags, { listId })) };
}
