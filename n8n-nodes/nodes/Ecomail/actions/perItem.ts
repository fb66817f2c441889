import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { itemError, itemErrorMessage } from './itemError';

/**
 * Runs `run` for each input item in turn and pairs each result with its item. With "continue on
 * fail" a failing item yields `{error: "[item N] …"}` and the others still run.
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
			output.push({ json: { error: itemErrorMessage(error, index) }, pairedItem: { item: index } });
		}
	}
	return output;
}
