import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import {
	normalizeEmail,
	type SalesManagoDestination,
	type SalesManagoEventInput,
	type SalesManagoEventType,
} from '@ecomail-bridge/shared';
import { emailField } from '../Ecomail/actions/common.descriptions';
import { textField } from '../destination/upsert.description';

const properties: INodeProperties[] = [
	{
		...emailField,
		default: '={{ $json.email }}',
		description: 'The contact must already exist in SALESmanago',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'PURCHASE',
		description: 'Kind of the event; SALESmanago automation rules start on it',
		options: [
			{ name: 'Cancellation', value: 'CANCELLATION', description: 'An order was cancelled' },
			{
				name: 'Cart',
				value: 'CART',
				description:
					'The cart changed. Send the event ID of the cart’s first event with each change, so one cart stays one event.',
			},
			{ name: 'Other', value: 'OTHER', description: 'Any other event, e.g. a loyalty change' },
			{ name: 'Purchase', value: 'PURCHASE', description: 'An order was placed' },
			{ name: 'Return', value: 'RETURN', description: 'An order was returned' },
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Date',
				name: 'date',
				type: 'dateTime',
				default: '',
				description: 'When it happened; empty: now',
			},
			textField('Description', 'description', 'Free text; for a cart, the link that restores it'),
			{
				displayName: 'Details',
				name: 'details',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Detail' },
				default: [],
				description: 'Detail 1, 2, … in this order, e.g. product names, the order date, categories',
			},
			textField(
				'Event ID',
				'eventId',
				'The ID SALESmanago gave an earlier event: that event is updated instead of adding one',
			),
			textField('External ID', 'externalId', 'Your ID of the order or cart, e.g. goout-123456'),
			textField('Location', 'location', 'Shop or source of the event, e.g. goout'),
			textField('Products', 'products', 'Product IDs separated by commas'),
			textField('Shop Domain', 'shopDomain', 'Domain of the shop, e.g. shop.example.cz'),
			{
				displayName: 'Value',
				name: 'value',
				type: 'number',
				typeOptions: { numberPrecision: 2 },
				default: 0,
				description: 'Amount in currency units, e.g. the order total',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['event'], operation: ['upsert'] } },
	properties,
);

interface AdditionalFields {
	date?: string;
	description?: string;
	details?: string[];
	eventId?: string;
	externalId?: string;
	location?: string;
	products?: string;
	shopDomain?: string;
	value?: number;
}

/** One external event; the core's client cuts each field to SALESmanago's length caps. */
export async function executeItem(
	this: IExecuteFunctions,
	index: number,
	destination: SalesManagoDestination,
): Promise<IDataObject> {
	const fields = this.getNodeParameter('additionalFields', index, {}) as AdditionalFields;
	const type = this.getNodeParameter('type', index) as SalesManagoEventType;
	const input: SalesManagoEventInput = {
		email: String(this.getNodeParameter('email', index, '')),
		type,
		date: eventDate(fields.date),
		description: fields.description,
		products: fields.products?.split(','),
		location: fields.location,
		value: fields.value,
		externalId: fields.externalId,
		shopDomain: fields.shopDomain,
		details: fields.details,
		eventId: fields.eventId,
	};
	const { eventId } = await destination.client.addEvent(input);
	return { email: normalizeEmail(input.email), type, eventId };
}

function eventDate(value: string | undefined): number {
	if (!value) return Date.now();
	const time = new Date(value).getTime();
	if (Number.isNaN(time)) throw new Error(`the date "${value}" is not a date and time`);
	return time;
}
