import type { IWebhookFunctions } from 'n8n-workflow';
import { createDedupeWindow, type DedupeWindow } from '@ecomail-bridge/shared';

/**
 * One "seen recently" window per trigger node, kept in this n8n process's memory: duplicates
 * arrive seconds apart, and webhook calls do not persist static data reliably. Bounded by the
 * core (time window and entry count); a restart forgets at most one window's worth.
 */
const windows = new Map<string, { windowMs: number; window: DedupeWindow }>();

export function dedupeWindowFor(nodeKey: string, windowMs: number): DedupeWindow {
	const existing = windows.get(nodeKey);
	if (existing && existing.windowMs === windowMs) return existing.window;
	const window = createDedupeWindow({ windowMs, maxEntries: 10_000 });
	windows.set(nodeKey, { windowMs, window });
	return window;
}

/**
 * Whether this webhook call repeats one received within the node's "Duplicate Window (Seconds)"
 * (`dedupeSeconds`, 0 = off). `keyOf` names what makes two calls the same change.
 */
export function isRepeatDelivery(
	context: IWebhookFunctions,
	keyOf: (windowMs: number) => string,
): boolean {
	const windowMs = (context.getNodeParameter('dedupeSeconds', 60) as number) * 1000;
	if (windowMs <= 0) return false;
	const nodeKey = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	return dedupeWindowFor(nodeKey, windowMs).seen(keyOf(windowMs));
}
