import type { IDataObject } from 'n8n-workflow';
import type { EllityOutcome, PurchaseOutcome, SaveOutcome } from '@ecomail-bridge/shared';
import type { ItemResult } from '../Ecomail/actions/perItem';

/** Where the item went, as the output names it: e.g. `{campaignId: 'V8aBc'}`; empty for none. */
export type TargetField = IDataObject;

export function contactResult(
	outcome: SaveOutcome,
	label: string,
	target: TargetField,
): ItemResult {
	if (outcome.status === 'rejected' || outcome.status === 'failed') {
		return {
			error: new Error(
				`${label} did not take ${outcome.email || 'the contact'}: ${outcome.reason}`,
			),
		};
	}
	const json: IDataObject = {
		email: outcome.email,
		...target,
		status: outcome.status === 'saved' ? 'sent' : 'skipped',
	};
	if (outcome.status === 'skipped') json.reason = outcome.reason;
	if (outcome.status === 'saved' && outcome.response !== undefined)
		json.response = outcome.response as IDataObject;
	if (outcome.duplicateOf !== undefined) json.mergedWithItem = outcome.duplicateOf;
	return { json };
}

/** A purchase: the buyer's outcome, then its order's when one was sent. */
export function purchaseResult(
	outcome: PurchaseOutcome,
	label: string,
	target: TargetField,
): ItemResult {
	const contact = contactResult(outcome.contact, label, target);
	if (!('json' in contact) || !outcome.order) return contact;
	if (outcome.order.status === 'failed') {
		return {
			error: new Error(`The buyer was saved but the order was not: ${outcome.order.reason}`),
		};
	}
	if (outcome.order.status === 'skipped') {
		// The service keeps no orders (GetResponse): said on each item, nothing failed.
		return { json: { ...contact.json, order: 'skipped', orderReason: outcome.order.reason } };
	}
	return { json: { ...contact.json, order: 'sent' } };
}

export function ellityResult(
	outcome: EllityOutcome,
	label: string,
	target: TargetField,
): ItemResult {
	if (outcome.status === 'rejected' || outcome.status === 'failed') {
		return {
			error: new Error(`${label} did not take ${outcome.email || 'the event'}: ${outcome.reason}`),
		};
	}
	if (outcome.status === 'skipped')
		return { json: { email: outcome.email, ...target, status: 'skipped', reason: outcome.reason } };
	return {
		json: {
			email: outcome.email,
			...target,
			status: 'sent',
			event: outcome.label,
			customFields: outcome.customFields as IDataObject,
			...(outcome.event ? { response: outcome.event as unknown as IDataObject } : {}),
		},
	};
}
