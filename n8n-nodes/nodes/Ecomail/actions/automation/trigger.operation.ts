import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { emailField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Automation Name or ID',
		name: 'automation',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAutomations' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{ ...emailField, default: '={{ $json.email }}' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['automation'], operation: ['trigger'] } },
	properties,
);

export async function executeItem(
	this: IExecuteFunctions,
	index: number,
	client: EcomailClient,
): Promise<IDataObject> {
	const automation = String(this.getNodeParameter('automation', index));
	const email = String(this.getNodeParameter('email', index, ''));
	const response = await client.triggerAutomation(automation, email);
	return {
		automation,
		email: email.trim().toLowerCase(),
		triggered: true,
		response: (response ?? null) as IDataObject | null,
	};
}
