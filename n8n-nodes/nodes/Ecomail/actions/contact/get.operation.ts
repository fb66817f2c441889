import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { emailField } from '../common.descriptions';
import { perItem } from '../perItem';

const properties: INodeProperties[] = [{ ...emailField, default: '={{ $json.email }}' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['get'] } },
	properties,
);

/** The contact across all lists; an unknown e-mail gives `{email, found: false}`, not a failure. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: EcomailClient,
): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (index) => {
		const email = String(this.getNodeParameter('email', index, ''));
		const contact = await client.getContact(email);
		return contact ? { found: true, ...contact } : { email, found: false };
	});
}
