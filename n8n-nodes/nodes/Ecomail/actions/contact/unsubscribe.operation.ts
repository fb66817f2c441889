import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { emailField, listLocator } from '../common.descriptions';
import { perItem } from '../perItem';

const properties: INodeProperties[] = [
	listLocator,
	{ ...emailField, default: '={{ $json.email }}' },
	{
		displayName:
			'Ecomail does not send its list webhook for unsubscribes made through the API, so an Ecomail Trigger will not see these',
		name: 'apiUnsubscribeNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['unsubscribe'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: EcomailClient,
): Promise<INodeExecutionData[]> {
	return await perItem(this, items, async (index) => {
		const listId = String(this.getNodeParameter('list', index, '', { extractValue: true }));
		const email = String(this.getNodeParameter('email', index, ''));
		await client.unsubscribe(listId, email);
		return { email: email.trim().toLowerCase(), listId, unsubscribed: true };
	});
}
