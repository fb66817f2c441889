import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedItem, itemError } from './itemError';

/**
 * Runs `run` for each input item in turn and pairs each result with its item. With "continue on
 * fail" a failing item yields a failed item (see failedItem) and the others still run.
 */
export async function perItem(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (index: number) => Promise<IDataObject>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let index = 0; index < items.length; index++) {
		try {
			output.push({ json: await run(index), pairedItem: { item: index } });
		} catch (error) {
			if (!context.continueOnFail()) throw itemError(context.getNode(), error, index);
			output.push(failedItem(context.getNode(), error, index));
		}
	}
	return output;
}
