import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { DeliveryLedger, deliveryKeysOf } from '@ecomail-bridge/shared';
import { processedKeyStore } from '../../../transport/processedKeyStore';
import type { ItemErrorOf } from './itemError';
import { outputItems, type ItemResult } from './perItem';

/**
 * Runs `write` for the input items that are not repeats of a webhook delivery another execution
 * took, in whichever n8n process (the core's DeliveryLedger over n8n's deduplication store,
 * docs/n8n-platform.md §11.6). Only items our triggers stamped with delivery keys are checked. A
 * repeat leaves the node without an output item, so nothing after the node runs for it either. The
 * keys of items that were not written (failed, or not reached after a failure) are released, so
 * that a retry of the execution writes them. Failures are worded by `toError` (Ecomail's by default).
 */
export async function writeDeliveriesOnce(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	write: (indexes: number[]) => Promise<ReadonlyMap<number, ItemResult>>,
	toError?: ItemErrorOf,
): Promise<INodeExecutionData[]> {
	const keys = items.map((item) => deliveryKeysOf(item.json));
	const all = items.map((_, index) => index);
	if (keys.every((own) => own === undefined)) {
		return outputItems(context, all, await write(all), toError);
	}

	const ledger = new DeliveryLedger(processedKeyStore(context), { sleep });
	const claims = await ledger.claim(keys);
	const indexes = all.filter((index) => claims[index] !== 'repeat');
	const unwritten = (results?: ReadonlyMap<number, ItemResult>) =>
		indexes.filter((index) => claims[index] === 'fresh' && !isWritten(results?.get(index)));
	let results: ReadonlyMap<number, ItemResult> | undefined;
	try {
		results = await write(indexes);
	} finally {
		// Also when `write` threw: then nothing counts as written.
		await ledger.release(unwritten(results).flatMap((index) => keys[index] ?? []));
	}
	return outputItems(context, indexes, results, toError);
}

function isWritten(result: ItemResult | undefined): boolean {
	return result !== undefined && 'json' in result;
}
