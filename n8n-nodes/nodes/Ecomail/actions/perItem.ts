import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedItem, itemError, type ItemErrorOf } from './itemError';

/** What one input item came to: its output json, or why it failed. */
export type ItemResult = { json: IDataObject } | { error: unknown };

/**
 * Runs `run` for each of `indexes` in turn. Without "continue on fail" it stops at the first
 * failure, as n8n nodes do: the items after it get no result.
 */
export async function eachItem(
	context: IExecuteFunctions,
	indexes: readonly number[],
	run: (index: number) => Promise<IDataObject>,
): Promise<Map<number, ItemResult>> {
	const results = new Map<number, ItemResult>();
	for (const index of indexes) {
		try {
			results.set(index, { json: await run(index) });
		} catch (error) {
			results.set(index, { error });
			if (!context.continueOnFail()) break;
		}
	}
	return results;
}

/**
 * The node's output for `indexes`, in that order, each paired with its input item. With "continue
 * on fail" a failing item yields a failed item (see failedItem); otherwise the first failure is
 * thrown, in the node's own wording (Ecomail's by default).
 */
export function outputItems(
	context: IExecuteFunctions,
	indexes: readonly number[],
	results: ReadonlyMap<number, ItemResult>,
	toError: ItemErrorOf = itemError,
): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	for (const index of indexes) {
		const result = results.get(index);
		if (!result) continue;
		if ('json' in result) output.push({ json: result.json, pairedItem: { item: index } });
		else if (!context.continueOnFail()) throw toError(context.getNode(), result.error, index);
		else output.push(failedItem(context.getNode(), result.error, index, toError));
	}
	return output;
}
