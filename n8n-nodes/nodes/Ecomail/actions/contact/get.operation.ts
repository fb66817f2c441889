import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { emailField } from '../common.descriptions';

const properties: INodeProperties[] = [{ ...emailField, default: '={{ $json.email }}' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

/** The contact across all lists; an unknown e-mail gives `{email, found: false}`, not a failure. */
export async function executeItem(
	this: IExecuteFunctions,
	index: number,
	client: EcomailClient,
): Promise<IDataObject> {
	const email = String(this.getNodeParameter('email', index, ''));
	const contact = await client.getContact(email);
	return contact ? { found: true, ...contact } : { email, found: false };
}
