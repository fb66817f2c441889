import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { emailField, listLocator } from '../common.descriptions';
import { readContactTarget } from './contactTarget';

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

export async function executeItem(
	this: IExecuteFunctions,
	index: number,
	client: EcomailClient,
): Promise<IDataObject> {
	const { listId, email } = readContactTarget(this, index);
	await client.unsubscribe(listId, email);
	return { email: email.trim().toLowerCase(), listId, unsubscribed: true };
}
