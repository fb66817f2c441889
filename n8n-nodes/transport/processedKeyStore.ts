import type { ICheckProcessedOptions, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ProcessedKeyStore } from '@ecomail-bridge/shared';

/**
 * The core's `ProcessedKeyStore` over n8n's deduplication store, which lives in n8n's database and
 * so is shared by the main, webhook and worker processes (docs/n8n-platform.md §11.6). Each node
 * keeps its delivery keys under its own scope, the most recent 4,000 (2,000 deliveries); the lock is
 * the workflow's row, so every node of ours in one workflow waits for the same lock.
 */
const KEYS: ICheckProcessedOptions = { mode: 'entries', maxEntries: 4000 };
const LOCK: ICheckProcessedOptions = { mode: 'entries' };

export function processedKeyStore(context: IExecuteFunctions): ProcessedKeyStore {
	const { helpers } = context;
	return {
		record: async (keys) =>
			(await helpers.checkProcessedAndRecord([...keys], 'node', KEYS)).new.map(String),
		forget: async (keys) => await helpers.removeProcessed([...keys], 'node', KEYS),
		async tryLock(tokens) {
			try {
				// Creating the row is the only atomic step; an existing lock shows as processed tokens.
				return (
					(await helpers.checkProcessedAndRecord([...tokens], 'workflow', LOCK)).processed
						.length === 0
				);
			} catch (error) {
				if (isRowCreatedMeanwhile(error)) return false;
				throw new NodeOperationError(context.getNode(), error as Error, {
					description: "n8n's deduplication store (its database) could not be written",
				});
			}
		},
		lockSize: async () => await helpers.getProcessedDataCount('workflow', LOCK),
		unlock: async () => await helpers.clearAllProcessedItems('workflow', LOCK),
	};
}

/**
 * The database refused to create the lock row because another process created it first: Postgres
 * answers 23505 (unique violation), SQLite SQLITE_CONSTRAINT.
 */
function isRowCreatedMeanwhile(error: unknown): boolean {
	const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
	if (code === '23505' || code === 'SQLITE_CONSTRAINT') return true;
	return (
		typeof message === 'string' && /duplicate key value|UNIQUE constraint failed/i.test(message)
	);
}
