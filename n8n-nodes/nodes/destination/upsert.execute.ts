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
import type { ItemResult } from '../Ecomail/actions/perItem';
import { contactResult, ellityResult, purchaseResult, type TargetField } from './itemResults';

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
export interface UpsertShell {
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
 * Create or update contacts: groups the items of `indexes` by target, hands each group to the
 * core job of the chosen source in one call and gives every item its result. Every decision
 * (consent, flags, merging repeated e-mails, tags, order of writes) is the job's (docs/pipeline.md).
 */
export async function upsertContacts(
	this: IExecuteFunctions,
	shell: UpsertShell,
	indexes: readonly number[],
): Promise<Map<number, ItemResult>> {
	const items = this.getInputData();
	const mapFrom = this.getNodeParameter('mapFrom', 0) as MapFrom;
	const options = this.getNodeParameter('options', 0, {}) as UpsertOptions;
	const results = new Map<number, ItemResult>();
	const byTarget = new Map<string, { field: TargetField; indexes: number[] }>();
	for (const index of indexes) {
		try {
			const { value, field } = shell.target(index);
			const group = byTarget.get(value) ?? { field, indexes: [] };
			group.indexes.push(index);
			byTarget.set(value, group);
		} catch (error) {
			results.set(index, { error });
		}
	}

	for (const [target, group] of byTarget) {
		const ready: Ready[] = [];
		for (const index of group.indexes) {
			try {
				ready.push({ index, input: readInput(items[index], index, mapFrom, shell, options) });
			} catch (error) {
				results.set(index, { error });
			}
		}
		if (ready.length === 0) continue;
		try {
			await saveGroup.call(
				this,
				shell,
				{ target, field: group.field, ready, results },
				mapFrom,
				options,
			);
		} catch (error) {
			// A call that fails for the whole group (a refused credential, the service down) fails
			// each of its items, so "continue on fail" still gives every item its own output.
			for (const entry of ready) results.set(entry.index, { error });
		}
	}
	return results;
}

interface Ready {
	index: number;
	input: unknown;
}

interface Group {
	target: string;
	field: TargetField;
	ready: Ready[];
	results: Map<number, ItemResult>;
}

/** One target's readable items through the job of the source; each outcome beside its item. */
async function saveGroup(
	this: IExecuteFunctions,
	shell: UpsertShell,
	{ target, field, ready, results }: Group,
	mapFrom: MapFrom,
	options: UpsertOptions,
): Promise<void> {
	const place = (i: number, result: ItemResult) => results.set(ready[i].index, result);
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
