import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	ResourceMapperValue,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import {
	ContactDirectory,
	isShopRecord,
	recordEllityEvents,
	saveContacts,
	syncGoOutPurchases,
	syncShopOrders,
	typedContact,
	type EcomailClient,
	type EllityEvent,
	type EllityOutcome,
	type GoOutPurchase,
	type ImportMode,
	type PurchaseOutcome,
	type SaveOutcome,
	type ShopConsentMode,
	type ShopRecord,
	type ShopRecordOutcome,
	type SubscriberData,
	type TagHandling,
} from '@ecomail-bridge/shared';
import type { ItemResult } from '../perItem';
import { readContactFields } from './contactFields';
import { upsertProperties } from './upsert.description';

type MapFrom = 'fields' | 'gooutPurchase' | 'shopOrder' | 'ellityEvent';

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['upsert'] } },
	upsertProperties,
);

interface Options {
	categoryTags?: boolean;
	createOrder?: boolean;
	eventFields?: boolean;
	importMode?: ImportMode;
	newsletterTag?: string;
	personalization?: boolean;
	registeredTag?: string;
	shop?: string;
	/** `merge` is the value workflows saved before the core named it `add`. */
	tagHandling?: TagHandling | 'merge';
	doubleOptIn?: boolean;
	resubscribe?: boolean;
	triggerAutomations?: boolean;
	triggerNotification?: boolean;
}

/**
 * Create or update contacts: reads the parameters, hands each list's items to the core job for the
 * chosen source, and shapes one result per input item of `indexes`. Every decision (consent,
 * flags, merging repeated e-mails, tags, bulk or not, order of writes) is the job's
 * (docs/pipeline.md).
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	indexes: readonly number[],
	client: EcomailClient,
): Promise<Map<number, ItemResult>> {
	const mapFrom = this.getNodeParameter('mapFrom', 0) as MapFrom;
	const options = this.getNodeParameter('options', 0, {}) as Options;
	const results = new Map<number, ItemResult>();
	const byList = new Map<string, number[]>();
	indexes.forEach((index) => {
		try {
			const listId = String(this.getNodeParameter('list', index, '', { extractValue: true }));
			byList.set(listId, [...(byList.get(listId) ?? []), index]);
		} catch (error) {
			results.set(index, { error });
		}
	});

	// One directory per execution: the account's contacts are listed at most once.
	const directory = new ContactDirectory(client);
	for (const [listId, indexes] of byList) {
		const read = readInputs.call(this, items, indexes, mapFrom);
		read.failures.forEach((error, index) => results.set(index, { error }));
		const ready = read.ready;
		if (ready.length === 0) continue;
		try {
			await saveList.call(this, client, listId, ready, results, { mapFrom, options, directory });
		} catch (error) {
			// A call that fails for the whole list (a refused API key, Ecomail down) fails each of
			// its items, so "continue on fail" still gives every input item its own failed output.
			for (const entry of ready) results.set(entry.index, { error });
		}
	}
	return results;
}

/** Hands one list's readable items to the core job of the source and records each outcome. */
async function saveList(
	this: IExecuteFunctions,
	client: EcomailClient,
	listId: string,
	ready: Array<{ index: number; input: unknown }>,
	results: Map<number, ItemResult>,
	{
		mapFrom,
		options,
		directory,
	}: { mapFrom: MapFrom; options: Options; directory: ContactDirectory },
): Promise<void> {
	if (mapFrom === 'ellityEvent') {
		const outcomes = await recordEllityEvents(
			client,
			listId,
			ready.map((entry) => entry.input as EllityEvent),
			{ directory },
		);
		outcomes.forEach((outcome, i) => results.set(ready[i].index, fromEllity(outcome, listId)));
		return;
	}
	const save = {
		mode: options.importMode ?? 'add-and-update',
		tagHandling: options.tagHandling === 'merge' ? 'add' : options.tagHandling,
		subscribe: {
			doubleOptIn: options.doubleOptIn,
			resubscribe: options.resubscribe,
			triggerAutomations: options.triggerAutomations,
			triggerNotification: options.triggerNotification,
		},
		directory,
	};
	if (mapFrom === 'gooutPurchase') {
		const { outcomes } = await syncGoOutPurchases(
			client,
			listId,
			ready.map((entry) => entry.input as GoOutPurchase),
			{
				...save,
				mapping: {
					eventFields: options.eventFields,
					personalization: options.personalization,
					extraTags: this.getNodeParameter('tags', ready[0].index, []) as string[],
				},
				createOrders: options.createOrder,
				shop: options.shop || undefined,
			},
		);
		outcomes.forEach((outcome, i) => results.set(ready[i].index, fromPurchase(outcome, listId)));
		return;
	}
	if (mapFrom === 'shopOrder') {
		const { outcomes } = await syncShopOrders(
			client,
			listId,
			ready.map((entry) => entry.input as ShopRecord),
			{
				...save,
				consentMode: this.getNodeParameter('consentMode', ready[0].index) as ShopConsentMode,
				mapping: {
					personalization: options.personalization,
					categoryTags: options.categoryTags,
					// Empty: the core's tag names.
					registeredTag: options.registeredTag?.trim() || undefined,
					newsletterTag: options.newsletterTag?.trim() || undefined,
					extraTags: this.getNodeParameter('tags', ready[0].index, []) as string[],
				},
				createOrders: options.createOrder,
				shop: options.shop || undefined,
			},
		);
		outcomes.forEach((outcome, i) => results.set(ready[i].index, fromPurchase(outcome, listId)));
		return;
	}
	const { outcomes } = await saveContacts(
		client,
		listId,
		ready.map((entry) => entry.input as SubscriberData),
		save,
	);
	outcomes.forEach((outcome, i) => results.set(ready[i].index, fromContact(outcome, listId)));
}

/** Each item's input for the job, or why it cannot be read. */
function readInputs(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	indexes: number[],
	mapFrom: MapFrom,
): { ready: Array<{ index: number; input: unknown }>; failures: Map<number, unknown> } {
	const ready: Array<{ index: number; input: unknown }> = [];
	const failures = new Map<number, unknown>();
	const personalization =
		(this.getNodeParameter('options', 0, {}) as Options).personalization !== false;
	for (const index of indexes) {
		const json = items[index].json;
		try {
			if (mapFrom === 'gooutPurchase') {
				if (typeof (json as { buyer?: { email?: unknown } }).buyer?.email !== 'string') {
					throw new Error('the input item is not a GoOut purchase (buyer.email is missing)');
				}
				ready.push({ index, input: json });
			} else if (mapFrom === 'shopOrder') {
				if (!isShopRecord(json)) {
					throw new Error(
						'the input item is not a shop order or subscriber (use the IdoSell Trigger output)',
					);
				}
				ready.push({ index, input: json });
			} else if (mapFrom === 'ellityEvent') {
				const event = json as unknown as EllityEvent;
				if (event?.source !== 'ellity' || typeof event.email !== 'string') {
					throw new Error('the input item is not an Ellity event (use the Ellity Trigger output)');
				}
				ready.push({ index, input: event });
			} else {
				ready.push({
					index,
					input: typedContact(fieldsContact.call(this, items[index], index), { personalization }),
				});
			}
		} catch (error) {
			failures.set(index, error);
		}
	}
	return { ready, failures };
}

/** The contact as the user set it in "Fields Below". */
function fieldsContact(
	this: IExecuteFunctions,
	item: INodeExecutionData,
	index: number,
): SubscriberData {
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
	return subscriber;
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

function fromContact(outcome: SaveOutcome, listId: string): ItemResult {
	if (outcome.status === 'rejected' || outcome.status === 'failed') {
		return {
			error: new Error(`Ecomail did not take ${outcome.email || 'the contact'}: ${outcome.reason}`),
		};
	}
	const json: IDataObject = {
		email: outcome.email,
		listId,
		status: outcome.status === 'saved' ? 'sent' : 'skipped',
	};
	if (outcome.status === 'skipped') json.reason = outcome.reason;
	if (outcome.status === 'saved' && outcome.response !== undefined)
		json.response = outcome.response as IDataObject;
	if (outcome.duplicateOf !== undefined) json.mergedWithItem = outcome.duplicateOf;
	return { json };
}

/** A GoOut purchase's or a shop record's outcome: the contact's, then its order's if one was sent. */
function fromPurchase(outcome: PurchaseOutcome | ShopRecordOutcome, listId: string): ItemResult {
	const contact = fromContact(outcome.contact, listId);
	if (!('json' in contact) || !outcome.order) return contact;
	if (outcome.order.status === 'failed') {
		return {
			error: new Error(`The buyer was saved but the order was not: ${outcome.order.reason}`),
		};
	}
	const kind = 'orderKind' in outcome && outcome.orderKind ? { orderKind: outcome.orderKind } : {};
	return { json: { ...contact.json, order: 'sent', ...kind } };
}

function fromEllity(outcome: EllityOutcome, listId: string): ItemResult {
	if (outcome.status === 'rejected' || outcome.status === 'failed') {
		return {
			error: new Error(`Ecomail did not take ${outcome.email || 'the event'}: ${outcome.reason}`),
		};
	}
	if (outcome.status === 'skipped')
		return { json: { email: outcome.email, listId, status: 'skipped', reason: outcome.reason } };
	return {
		json: {
			email: outcome.email,
			listId,
			status: 'sent',
			event: outcome.label,
			customFields: outcome.customFields as IDataObject,
			...(outcome.event ? { response: outcome.event as unknown as IDataObject } : {}),
		},
	};
}
