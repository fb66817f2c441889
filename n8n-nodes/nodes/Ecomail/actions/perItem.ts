import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedItem, itemError, type ItemErrorOf } from './itemError';

/**
 * Runs `run` for each input item in turn and pairs each result with its item. With "continue on
 * fail" a failing item yields a failed item (see failedItem) and the others still run.
 */
export async function perItem(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (index: number) => Promise<IDataObject>,
	toError: ItemErrorOf = itemError,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let index = 0; index < items.length; index++) {
		try {
			output.push({ json: await run(index), pairedItem: { item: index } });
		} catch (error) {
			if (!context.continueOnFail()) throw toError(context.getNode(), error, index);
			output.push(failedItem(context.getNode(), error, index, toError));
		}
	}
	return output;
}
