import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse, updateDisplayOptions } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { emailField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		...emailField,
		default: '={{ $json.email }}',
		description: 'The contact must already exist in Ecomail',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		default: '',
		placeholder: 'e.g. ellity',
		description:
			'Group of the event, e.g. the system it comes from. Ecomail automations and segments can filter on it.',
	},
	{
		displayName: 'Action',
		name: 'action',
		type: 'string',
		default: '',
		placeholder: 'e.g. change',
		description: 'What the contact did, e.g. change or purchase. Automations can start on it.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: '',
				description:
					'What the action was about, e.g. credit or tier. Shown in the contact’s history.',
			},
			{
				displayName: 'Property',
				name: 'property',
				type: 'string',
				default: '',
				description: 'One more detail to filter on, e.g. a product code or a tier name',
			},
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				default: '',
				description: 'Text or JSON (sent as an object), up to 20,000 characters',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['event'], operation: ['track'] } },
	properties,
);

export async function executeItem(
	this: IExecuteFunctions,
	index: number,
	client: EcomailClient,
): Promise<IDataObject> {
	const extra = this.getNodeParameter('additionalFields', index, {}) as {
		label?: string;
		property?: string;
		value?: string;
	};
	const response = await client.trackEvent({
		email: String(this.getNodeParameter('email', index, '')),
		category: (this.getNodeParameter('category', index, '') as string) || undefined,
		action: (this.getNodeParameter('action', index, '') as string) || undefined,
		label: extra.label || undefined,
		property: extra.property || undefined,
		value: extra.value ? jsonParse(extra.value, { fallbackValue: extra.value }) : undefined,
	});
	return { ...response };
}
