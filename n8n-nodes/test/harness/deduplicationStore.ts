/**
 * n8n's deduplication store for the headless runner: the rows n8n keeps in its `processed_data`
 * table (one per workflow and scope), with the same observable behaviour in mode `entries` —
 * values kept as hashes, the oldest dropped past `maxEntries`, creating a row twice refused like a
 * primary-key clash (docs/n8n-platform.md §11.4). n8n's own service needs its database, so
 * `ensureDeduplicationStore` installs this one instead.
 */
import { createHash } from 'node:crypto';
import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

const rows = new Map<string, string[]>();

function rowOf(scope: DeduplicationScope, data: ICheckProcessedContextData): string {
	return `${data.workflow.id}|${scope === 'node' ? `n:${data.node?.id}` : ''}`;
}

const hash = (value: DeduplicationItemTypes) => createHash('md5').update(String(value)).digest('base64');

function entriesOnly(options: ICheckProcessedOptions): void {
	if (options.mode !== 'entries') throw new Error(`deduplication mode ${options.mode} is not supported in tests`);
}

const inMemory: IDataDeduplicator = {
	async checkProcessedAndRecord(items, scope, data, options): Promise<IDeduplicationOutput> {
		entriesOnly(options);
		const id = rowOf(scope, data);
		const row = rows.get(id);
		if (!row) {
			rows.set(id, items.map(hash).slice(options.maxEntries ? -options.maxEntries : 0));
			return { new: [...items], processed: [] };
		}
		const known = new Set(row);
		const result: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			if (known.has(hash(item))) result.processed.push(item);
			else {
				result.new.push(item);
				row.push(hash(item));
			}
		}
		if (options.maxEntries) row.splice(0, Math.max(0, row.length - options.maxEntries));
		return result;
	},
	async removeProcessed(items, scope, data, options) {
		entriesOnly(options);
		const row = rows.get(rowOf(scope, data));
		if (!row) return;
		for (const value of items.map(hash)) {
			const at = row.indexOf(value);
			if (at >= 0) row.splice(at, 1);
		}
	},
	async clearAllProcessedItems(scope, data) {
		rows.delete(rowOf(scope, data));
	},
	async getProcessedDataCount(scope, data, options) {
		entriesOnly(options);
		return rows.get(rowOf(scope, data))?.length ?? 0;
	},
};

let installed = false;

/** Installs the in-memory store as n8n's deduplication service, once per test process. */
export async function ensureDeduplicationStore(): Promise<void> {
	if (installed) return;
	installed = true;
	await DataDeduplicationService.init(inMemory);
}

/** Forgets every recorded delivery (between tests that replay the same deliveries). */
export function clearDeduplicationStore(): void {
	rows.clear();
}
