import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import {
	mapGoOutPurchaseToTransaction,
	type EcomailClient,
	type GoOutPurchase,
	type Transaction,
	type TransactionInput,
	type TransactionItem,
	type TransactionStatus,
} from '@ecomail-bridge/shared';
import { emailField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Map From',
		name: 'mapFrom',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{
				name: 'GoOut Purchase',
				value: 'gooutPurchase',
				description: 'Input items are purchases from the GoOut Trigger',
			},
		],
	},
	{
		displayName: 'The buyer must already be a contact: put a Create or Update step before this one',
		name: 'contactFirstNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{
		...emailField,
		default: '={{ $json.email }}',
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 2 },
		description: 'Order total including tax and shipping',
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Item',
		default: {},
		displayOptions: { show: { mapFrom: ['fields'] } },
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Categories',
						name: 'categories',
						type: 'string',
						default: '',
						description: 'Comma-separated',
					},
					{ displayName: 'Code', name: 'code', type: 'string', default: '' },
					{ displayName: 'Quantity', name: 'amount', type: 'number', default: 1 },
					{ displayName: 'Title', name: 'title', type: 'string', default: '' },
					{
						displayName: 'Unit Price',
						name: 'price',
						type: 'number',
						default: 0,
						typeOptions: { numberPrecision: 2 },
					},
				],
			},
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
				displayName: 'City',
				name: 'city',
				type: 'string',
				default: '',
				displayOptions: { show: { '/mapFrom': ['fields'] } },
			},
			{
				displayName: 'Country',
				name: 'country',
				type: 'string',
				default: '',
				displayOptions: { show: { '/mapFrom': ['fields'] } },
			},
			{
				displayName: 'Shipping',
				name: 'shipping',
				type: 'number',
				default: 0,
				displayOptions: { show: { '/mapFrom': ['fields'] } },
			},
			{
				displayName: 'Shop',
				name: 'shop',
				type: 'string',
				default: '',
				description: 'Shop name, used in Ecomail segments (case-sensitive)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'completed',
				displayOptions: { show: { '/mapFrom': ['fields'] } },
				options: [
					{ name: 'Canceled', value: 'canceled' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Processing', value: 'processing' },
				],
			},
			{
				displayName: 'Tax',
				name: 'tax',
				type: 'number',
				default: 0,
				displayOptions: { show: { '/mapFrom': ['fields'] } },
			},
			{
				displayName: 'Time',
				name: 'timestamp',
				type: 'dateTime',
				default: '',
				description: 'When the order was made; now when empty',
				displayOptions: { show: { '/mapFrom': ['fields'] } },
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['create'] } },
	properties,
);

interface ItemRow {
	code?: string;
	title?: string;
	categories?: string;
	price?: number;
	amount?: number;
}

export async function executeItem(
	this: IExecuteFunctions,
	index: number,
	client: EcomailClient,
	item: INodeExecutionData,
): Promise<IDataObject> {
	const order = readOrder.call(this, item, index);
	await client.createTransaction(order.transaction, order.transaction_items);
	return {
		...order.transaction,
		items: order.transaction_items as unknown as IDataObject[],
		created: true,
	};
}

function readOrder(
	this: IExecuteFunctions,
	item: INodeExecutionData,
	index: number,
): TransactionInput {
	const extra = this.getNodeParameter('additionalFields', index, {}) as IDataObject;
	const shop = typeof extra.shop === 'string' && extra.shop ? extra.shop : undefined;
	if (this.getNodeParameter('mapFrom', index) === 'gooutPurchase') {
		const purchase = item.json as unknown as GoOutPurchase;
		if (typeof purchase?.purchaseId !== 'string' || !purchase.buyer) {
			throw new Error('the input item is not a GoOut purchase (purchaseId is missing)');
		}
		return mapGoOutPurchaseToTransaction(purchase, { shop });
	}
	const time = extra.timestamp ? Date.parse(String(extra.timestamp)) : NaN;
	const transaction: Transaction = {
		order_id: String(this.getNodeParameter('orderId', index)),
		email: String(this.getNodeParameter('email', index, '')),
		amount: this.getNodeParameter('amount', index, 0) as number,
		...(shop ? { shop } : {}),
		...(extra.tax ? { tax: Number(extra.tax) } : {}),
		...(extra.shipping ? { shipping: Number(extra.shipping) } : {}),
		...(extra.city ? { city: String(extra.city) } : {}),
		...(extra.country ? { country: String(extra.country) } : {}),
		...(Number.isNaN(time) ? {} : { timestamp: Math.floor(time / 1000) }),
		status: (extra.status as TransactionStatus | undefined) ?? 'completed',
	};
	const rows = (this.getNodeParameter('items', index, {}) as { item?: ItemRow[] }).item ?? [];
	const transactionItems: TransactionItem[] = rows.map((row) => ({
		...(row.code ? { code: row.code } : {}),
		...(row.title ? { title: row.title } : {}),
		categories: (row.categories ?? '')
			.split(',')
			.map((c) => c.trim())
			.filter((c) => c !== ''),
		price: row.price ?? 0,
		amount: row.amount ?? 1,
	}));
	return { transaction, transaction_items: transactionItems };
}
