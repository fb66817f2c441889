import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	ResourceMapperValue,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import {
	IMPORT_MODES,
	goOutUpsertOptions,
	mapEllityEvent,
	mapGoOutPurchase,
	mapGoOutPurchaseToTransaction,
	normalizeEmail,
	saveContacts,
	type EcomailClient,
	type EllityEvent,
	type GoOutPurchase,
	type ImportMode,
	type SubscriberData,
	type SaveOutcome,
	type TrackEventInput,
	type TransactionInput,
	type UpsertOptions,
} from '@ecomail-bridge/shared';
import { emailField, listLocator, tagsField } from '../common.descriptions';
import { itemError, itemErrorMessage } from '../itemError';
import { contactFieldsCollection, readContactFields } from './contactFields';

type MapFrom = 'fields' | 'gooutPurchase' | 'ellityEvent';

const properties: INodeProperties[] = [
	listLocator,
	{
		displayName: 'Map From',
		name: 'mapFrom',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Set the contact data in this node' },
			{
				name: 'GoOut Purchase',
				value: 'gooutPurchase',
				description:
					'Input items are purchases from the GoOut Trigger: name, country, source GoOut and GoOut tags are filled in',
			},
			{
				name: 'Ellity Event',
				value: 'ellityEvent',
				description:
					'Input items are events from the Ellity Trigger: ellity_* custom fields are written, then the ellity event is tracked',
			},
		],
	},
	{
		...emailField,
		default: '={{ $json.email }}',
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{ ...contactFieldsCollection, displayOptions: { show: { mapFrom: ['fields'] } } },
	{
		...tagsField,
		description:
			'Tags for the contact. With GoOut purchases they are added after the GoOut tags. Leave empty to keep the tags untouched.',
		displayOptions: { show: { mapFrom: ['fields', 'gooutPurchase'] } },
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['list.value'],
			resourceMapper: {
				resourceMapperMethod: 'getCustomFields',
				mode: 'add',
				fieldWords: { singular: 'custom field', plural: 'custom fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Also Create Order',
				name: 'createOrder',
				type: 'boolean',
				default: false,
				description:
					'Whether to send each GoOut purchase as an Ecomail order after the contact is saved',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'] } },
			},
			{
				displayName: 'Event Fields',
				name: 'eventFields',
				type: 'boolean',
				default: false,
				description:
					'Whether to store the last event name and start in the custom fields goout_last_event and goout_last_event_start',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'] } },
			},
			{
				displayName: 'Import Mode',
				name: 'importMode',
				type: 'options',
				default: 'add-and-update',
				options: IMPORT_MODES.map((mode) => ({
					name: mode.label,
					value: mode.value,
					description: mode.description,
				})),
			},
			{
				displayName: 'Orders in Bulk',
				name: 'ordersInBulk',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the orders of many items in bulk calls of up to 1,000. Faster for imports, but Ecomail does not start "Made an order" automations for bulk orders.',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'], createOrder: [true] } },
			},
			{
				displayName: 'Resubscribe',
				name: 'resubscribe',
				type: 'boolean',
				default: false,
				description:
					'Whether to subscribe again contacts who unsubscribed earlier. Only turn on when they gave consent again.',
			},
			{
				displayName: 'Send in Bulk',
				name: 'bulk',
				type: 'boolean',
				default: true,
				description:
					'Whether to send many input items in bulk calls of up to 3,000 contacts. Bulk calls always skip double opt-in and do not start tag automations.',
			},
			{
				displayName: 'Shop',
				name: 'shop',
				type: 'string',
				default: '',
				description: 'Shop name of the orders, used in Ecomail segments',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'], createOrder: [true] } },
			},
			{
				displayName: 'Skip Double Opt-In',
				name: 'skipConfirmation',
				type: 'boolean',
				default: false,
				description:
					'Whether to add contacts without a confirmation e-mail on double opt-in lists. Only when you have their consent.',
			},
			{
				displayName: 'Tag Handling',
				name: 'tagHandling',
				type: 'options',
				default: 'merge',
				options: [
					{
						name: 'Add to Existing Tags',
						value: 'merge',
						description: 'Reads the contact first and keeps the tags it already has',
					},
					{
						name: 'Replace Tags',
						value: 'replace',
						description: 'The contact ends up with exactly these tags (one call less)',
					},
				],
			},
			{
				displayName: 'Trigger Automations',
				name: 'triggerAutoresponders',
				type: 'boolean',
				default: false,
				description: 'Whether to start the list\'s "subscribed to list" automations',
			},
			{
				displayName: 'Trigger Notification',
				name: 'triggerNotification',
				type: 'boolean',
				default: false,
				description: "Whether to send the list's new-subscriber notification (not in bulk)",
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['upsert'] } },
	properties,
);

interface Options {
	createOrder?: boolean;
	ordersInBulk?: boolean;
	eventFields?: boolean;
	importMode?: ImportMode;
	resubscribe?: boolean;
	bulk?: boolean;
	shop?: string;
	skipConfirmation?: boolean;
	tagHandling?: 'merge' | 'replace';
	triggerAutoresponders?: boolean;
	triggerNotification?: boolean;
}

/** One input item ready to send, or the reason it cannot be. */
type Prepared =
	| {
			index: number;
			listId: string;
			subscriber: SubscriberData;
			event?: TrackEventInput | null;
			purchase?: GoOutPurchase;
	  }
	| { index: number; failure: unknown };

type Outcome =
	| { status: 'sent' | 'skipped'; reason?: string; response?: unknown }
	| { status: 'failed'; error: unknown };

/**
 * Create or update contacts. Items of one list go in bulk (subscribe-bulk, ≤ 3,000 a call) when
 * there is more than one; every input item gets exactly one output item with its outcome.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: EcomailClient,
): Promise<INodeExecutionData[]> {
	const mapFrom = this.getNodeParameter('mapFrom', 0) as MapFrom;
	const options = this.getNodeParameter('options', 0, {}) as Options;

	const prepared: Prepared[] = items.map((item, index) => {
		try {
			return { index, ...prepare.call(this, item, index, mapFrom, options) };
		} catch (failure) {
			return { index, failure };
		}
	});

	const outcomes = new Map<number, Outcome>();
	const byList = new Map<string, Array<Extract<Prepared, { subscriber: SubscriberData }>>>();
	for (const row of prepared) {
		if ('failure' in row) outcomes.set(row.index, { status: 'failed', error: row.failure });
		else byList.set(row.listId, [...(byList.get(row.listId) ?? []), row]);
	}

	for (const [listId, rows] of byList) {
		const purchases = rows.flatMap((row) => (row.purchase ? [row.purchase] : []));
		const userFlags: UpsertOptions = {
			resubscribe: options.resubscribe ?? false,
			skipConfirmation: options.skipConfirmation ?? false,
			triggerAutoresponders: options.triggerAutoresponders ?? false,
			triggerNotification: options.triggerNotification ?? false,
		};
		const { outcomes: saved } = await saveContacts(
			client,
			listId,
			rows.map((row) => row.subscriber),
			{
				mode: options.importMode ?? 'add-and-update',
				upsert: mapFrom === 'gooutPurchase' ? goOutUpsertOptions(purchases, userFlags) : userFlags,
				keepExistingTags: (options.tagHandling ?? 'merge') === 'merge',
				bulk: options.bulk !== false,
			},
		);
		saved.forEach((outcome, i) => outcomes.set(rows[i].index, toOutcome(outcome)));

		// Follow-ups need the contact to exist, so they run only for contacts that arrived.
		const bulkOrders: Array<{ index: number; order: TransactionInput }> = [];
		for (const row of rows) {
			const outcome = outcomes.get(row.index);
			if (outcome?.status !== 'sent') continue;
			try {
				if (row.event)
					outcome.response = {
						contact: outcome.response,
						event: await client.trackEvent(row.event),
					};
				if (row.purchase && options.createOrder) {
					const order = mapGoOutPurchaseToTransaction(row.purchase, {
						shop: options.shop || undefined,
					});
					if (options.ordersInBulk && rows.length > 1) bulkOrders.push({ index: row.index, order });
					else await client.createTransaction(order.transaction, order.transaction_items);
				}
			} catch (error) {
				outcomes.set(row.index, { status: 'failed', error });
			}
		}
		if (bulkOrders.length > 0) {
			try {
				await client.createTransactions(bulkOrders.map((entry) => entry.order));
			} catch (error) {
				for (const entry of bulkOrders) outcomes.set(entry.index, { status: 'failed', error });
			}
		}
	}

	return items.map((_, index) => {
		const outcome = outcomes.get(index) ?? { status: 'failed', error: new Error('not processed') };
		const row = prepared[index];
		const email = 'subscriber' in row ? normalizeEmail(row.subscriber.email) : undefined;
		const listId = 'listId' in row ? row.listId : undefined;
		if (outcome.status === 'failed') {
			if (!this.continueOnFail()) throw itemError(this.getNode(), outcome.error, index);
			return {
				json: { email, listId, status: 'failed', error: itemErrorMessage(outcome.error, index) },
				pairedItem: { item: index },
			};
		}
		const json: IDataObject = { email, listId, status: outcome.status };
		if (outcome.reason) json.reason = outcome.reason;
		if (outcome.response !== undefined) json.response = outcome.response as IDataObject;
		return { json, pairedItem: { item: index } };
	});
}

function prepare(
	this: IExecuteFunctions,
	item: INodeExecutionData,
	index: number,
	mapFrom: MapFrom,
	options: Options,
): {
	listId: string;
	subscriber: SubscriberData;
	event?: TrackEventInput | null;
	purchase?: GoOutPurchase;
} {
	const listId = String(this.getNodeParameter('list', index, '', { extractValue: true }));
	if (mapFrom === 'gooutPurchase') {
		const purchase = item.json as unknown as GoOutPurchase;
		if (typeof purchase?.buyer?.email !== 'string') {
			throw new Error('the input item is not a GoOut purchase (buyer.email is missing)');
		}
		const extraTags = this.getNodeParameter('tags', index, []) as string[];
		return {
			listId,
			purchase,
			subscriber: mapGoOutPurchase(purchase, {
				eventFields: options.eventFields ?? false,
				extraTags,
			}),
		};
	}
	if (mapFrom === 'ellityEvent') {
		const event = item.json as unknown as EllityEvent;
		if (event?.source !== 'ellity' || typeof event.email !== 'string') {
			throw new Error('the input item is not an Ellity event (use the Ellity Trigger output)');
		}
		const mapped = mapEllityEvent(event);
		return { listId, subscriber: mapped.subscriber, event: mapped.event };
	}
	const subscriber: SubscriberData = {
		...readContactFields(this.getNodeParameter('contactFields', index, {}) as IDataObject),
		email: String(this.getNodeParameter('email', index, '')),
	};
	const tags = (this.getNodeParameter('tags', index, []) as string[]).filter(
		(tag) => tag.trim() !== '',
	);
	if (tags.length > 0) subscriber.tags = tags;
	const customFields = readCustomFields(
		this.getNodeParameter('customFields', index, {
			mappingMode: 'defineBelow',
			value: null,
		}) as ResourceMapperValue,
		item,
	);
	if (Object.keys(customFields).length > 0) subscriber.custom_fields = customFields;
	return { listId, subscriber };
}

/** Values of the custom-field mapper; empty ones are left out so they never blank a stored value. */
function readCustomFields(
	columns: ResourceMapperValue,
	item: INodeExecutionData,
): Record<string, string | number | boolean> {
	const source: IDataObject =
		columns.mappingMode === 'autoMapInputData'
			? Object.fromEntries((columns.schema ?? []).map((field) => [field.id, item.json[field.id]]))
			: (columns.value ?? {});
	const fields: Record<string, string | number | boolean> = {};
	for (const [key, value] of Object.entries(source)) {
		if (value === null || value === undefined || value === '') continue;
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
			fields[key] = value;
		else fields[key] = JSON.stringify(value);
	}
	return fields;
}

function toOutcome(outcome: SaveOutcome): Outcome {
	if (outcome.status === 'saved') return { status: 'sent', response: outcome.response };
	if (outcome.status === 'skipped') return { status: 'skipped', reason: outcome.reason };
	return {
		status: 'failed',
		error: new Error(`Ecomail did not take ${outcome.email || 'the contact'}: ${outcome.reason}`),
	};
}
