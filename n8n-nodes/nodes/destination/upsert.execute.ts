import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import {
	recordEllityEvents,
	saveContacts,
	syncGoOutPurchases,
	typedContact,
	type Destination,
	type EllityEvent,
	type GoOutPurchase,
	type ImportMode,
	type SubscriberData,
	type TagHandling,
} from '@ecomail-bridge/shared';
import { failedItem } from '../Ecomail/actions/itemError';
import { destinationItemError, type ErrorWording } from './itemError';
import {
	contactResult,
	ellityResult,
	purchaseResult,
	type ItemResult,
	type TargetField,
} from './itemResults';

export type MapFrom = 'fields' | 'gooutPurchase' | 'ellityEvent';

/** The options a destination node may offer; one it does not offer stays at the core's default. */
export interface UpsertOptions {
	createOrder?: boolean;
	doubleOptIn?: boolean;
	eventFields?: boolean;
	importMode?: ImportMode;
	personalization?: boolean;
	resubscribe?: boolean;
	shop?: string;
	tagHandling?: TagHandling;
	triggerAutomations?: boolean;
}

/** What differs between destination nodes around the one Create or Update flow. */
export interface UpsertShell extends Omit<ErrorWording, 'destination'> {
	/** The service's name in messages: "GetResponse did not take …". */
	label: string;
	destination: Destination;
	/**
	 * This item's target (a GetResponse campaign) and how the output names it. A destination
	 * with one target per account returns the same for every item.
	 */
	target(index: number): { value: string; field: TargetField };
	/** "Fields Below" of this item in the core's contact shape. */
	fieldsContact(index: number): SubscriberData;
}

/**
 * Create or update contacts: groups the items by target, hands each group to the core job of the
 * chosen source in one call and gives every input item its own output item. Every decision
 * (consent, flags, merging repeated e-mails, tags, order of writes) is the job's (docs/pipeline.md).
 */
export async function upsertContacts(
	this: IExecuteFunctions,
	shell: UpsertShell,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const mapFrom = this.getNodeParameter('mapFrom', 0) as MapFrom;
	const options = this.getNodeParameter('options', 0, {}) as UpsertOptions;
	const results: ItemResult[] = new Array(items.length);
	const byTarget = new Map<string, { field: TargetField; indexes: number[] }>();
	items.forEach((_, index) => {
		try {
			const { value, field } = shell.target(index);
			const group = byTarget.get(value) ?? { field, indexes: [] };
			group.indexes.push(index);
			byTarget.set(value, group);
		} catch (error) {
			results[index] = { error };
		}
	});

	for (const [target, { field, indexes }] of byTarget) {
		const ready: Ready[] = [];
		for (const index of indexes) {
			try {
				ready.push({ index, input: readInput(items[index], index, mapFrom, shell, options) });
			} catch (error) {
				results[index] = { error };
			}
		}
		if (ready.length === 0) continue;
		try {
			const group = { target, field, ready, results };
			await saveGroup.call(this, shell, group, mapFrom, options);
		} catch (error) {
			// A call that fails for the whole group (a refused credential, the service down) fails
			// each of its items, so "continue on fail" still gives every item its own output.
			for (const entry of ready) results[entry.index] = { error };
		}
	}

	const toError = destinationItemError(shell);
	return results.map((result, index) => {
		if ('json' in result) return { json: result.json, pairedItem: { item: index } };
		if (!this.continueOnFail()) throw toError(this.getNode(), result.error, index);
		return failedItem(this.getNode(), result.error, index, toError);
	});
}

interface Ready {
	index: number;
	input: unknown;
}

interface Group {
	target: string;
	field: TargetField;
	ready: Ready[];
	results: ItemResult[];
}

/** One target's readable items through the job of the source; each outcome beside its item. */
async function saveGroup(
	this: IExecuteFunctions,
	shell: UpsertShell,
	{ target, field, ready, results }: Group,
	mapFrom: MapFrom,
	options: UpsertOptions,
): Promise<void> {
	const place = (i: number, result: ItemResult) => (results[ready[i].index] = result);
	const inputs = ready.map((entry) => entry.input);
	if (mapFrom === 'ellityEvent') {
		const outcomes = await recordEllityEvents(shell.destination, target, inputs as EllityEvent[]);
		outcomes.forEach((outcome, i) => place(i, ellityResult(outcome, shell.label, field)));
		return;
	}
	const save = {
		mode: options.importMode ?? 'add-and-update',
		tagHandling: options.tagHandling,
		subscribe: {
			doubleOptIn: options.doubleOptIn,
			resubscribe: options.resubscribe,
			triggerAutomations: options.triggerAutomations,
		},
	};
	if (mapFrom === 'gooutPurchase') {
		const { outcomes } = await syncGoOutPurchases(
			shell.destination,
			target,
			inputs as GoOutPurchase[],
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
		outcomes.forEach((outcome, i) => place(i, purchaseResult(outcome, shell.label, field)));
		return;
	}
	const { outcomes } = await saveContacts(
		shell.destination,
		target,
		inputs as SubscriberData[],
		save,
	);
	outcomes.forEach((outcome, i) => place(i, contactResult(outcome, shell.label, field)));
}

/** The item as the job of the source takes it, or why it cannot be read. */
function readInput(
	item: INodeExecutionData,
	index: number,
	mapFrom: MapFrom,
	shell: UpsertShell,
	options: UpsertOptions,
): unknown {
	const json = item.json;
	if (mapFrom === 'gooutPurchase') {
		if (typeof (json as { buyer?: { email?: unknown } }).buyer?.email !== 'string') {
			throw new Error('the input item is not a GoOut purchase (buyer.email is missing)');
		}
		return json;
	}
	if (mapFrom === 'ellityEvent') {
		const event = json as unknown as EllityEvent;
		if (event?.source !== 'ellity' || typeof event.email !== 'string') {
			throw new Error('the input item is not an Ellity event (use the Ellity Trigger output)');
		}
		return event;
	}
	return typedContact(shell.fieldsContact(index), { personalization: options.personalization });
}
