import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { DELIVERY_KEYS_FIELD, createDedupeWindow, type DedupeWindow } from '@ecomail-bridge/shared';

/**
 * One "seen recently" window per trigger node, kept in this n8n process's memory: a cheap first
 * filter, so a repeat reaching the process that took the first call starts no execution. Webhook
 * calls do not persist static data reliably (docs/n8n-platform.md §11.3); repeats that reach
 * another process are stopped by the nodes that write (writeDeliveriesOnce). Bounded by the core
 * (time window and entry count); a restart forgets at most one window's worth.
 */
const windows = new Map<string, { windowMs: number; window: DedupeWindow }>();

export function dedupeWindowFor(nodeKey: string, windowMs: number): DedupeWindow {
	const existing = windows.get(nodeKey);
	if (existing && existing.windowMs === windowMs) return existing.window;
	const window = createDedupeWindow({ windowMs, maxEntries: 10_000 });
	windows.set(nodeKey, { windowMs, window });
	return window;
}

/** The node's "Duplicate Window (Seconds)" (`dedupeSeconds`) in ms; 0 turns repeat checks off. */
export function duplicateWindowMs(context: IWebhookFunctions): number {
	return Math.max(0, (context.getNodeParameter('dedupeSeconds', 60) as number) * 1000);
}

/**
 * Whether this webhook call repeats one this process received within the node's window.
 * `keyOf` names what makes two calls the same change.
 */
export function isRepeatDelivery(
	context: IWebhookFunctions,
	keyOf: (windowMs: number) => string,
): boolean {
	const windowMs = duplicateWindowMs(context);
	if (windowMs <= 0) return false;
	const nodeKey = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	return dedupeWindowFor(nodeKey, windowMs).seen(keyOf(windowMs));
}

/**
 * The record a trigger emits, with the delivery keys the writing nodes check across processes
 * (none when the window is 0).
 */
export function withDeliveryKeys(
	record: IDataObject,
	context: IWebhookFunctions,
	keysOf: (windowMs: number) => string[],
): IDataObject {
	const windowMs = duplicateWindowMs(context);
	return windowMs > 0 ? { ...record, [DELIVERY_KEYS_FIELD]: keysOf(windowMs) } : record;
}
