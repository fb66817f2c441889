import type { INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { EcomailApiError, EllityApiError } from '@ecomail-bridge/shared';

/**
 * Wraps what went wrong with one input item so that n8n shows "[item N] what happened" and, for
 * Ecomail's answers, the status and the server's words. `itemIndex` is zero-based like n8n's.
 */
export function itemError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const message = `[item ${itemIndex}] ${error instanceof Error ? error.message : String(error)}`;
	if (error instanceof EcomailApiError) {
		return new NodeApiError(
			node,
			{ message: error.message, status: error.status },
			{
				message,
				description: error.isAuthError
					? 'Open the Ecomail credential and paste the current key from Ecomail → Manage account → For developers'
					: error.serverMessage,
				httpCode: error.status ? String(error.status) : undefined,
				itemIndex,
			},
		);
	}
	if (error instanceof EllityApiError && error.status > 0) {
		return new NodeApiError(
			node,
			{ message: error.message, status: error.status },
			{ message, httpCode: String(error.status), itemIndex },
		);
	}
	return new NodeOperationError(node, message, { itemIndex });
}

/** The message alone, for the `error` field of an item when the node continues on fail. */
export function itemErrorMessage(error: unknown, itemIndex: number): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.startsWith('[item ') ? message : `[item ${itemIndex}] ${message}`;
}

/**
 * The output item of an input item that failed while the node continues on fail. With "Continue
 * (using error output)" n8n routes an item to the error output only when it carries `error` beside
 * its json (`handleNodeErrorOutput` in n8n's packages/core/src/execution-engine/workflow-execute.ts),
 * and it then replaces the json by `{error: message}` merged into the input item's json
 * (`normalizeNodeErrors`, same file). With plain "Continue" the item keeps its own json instead:
 * `status: failed` and the reason, beside the other items' outcomes.
 */
export function failedItem(
	node: INode,
	error: unknown,
	itemIndex: number,
	toError: ItemErrorOf = itemError,
): INodeExecutionData {
	const item: INodeExecutionData = {
		json: { status: 'failed', error: itemErrorMessage(error, itemIndex) },
		pairedItem: { item: itemIndex },
	};
	if (node.onError === 'continueErrorOutput') item.error = toError(node, error, itemIndex);
	return item;
}

/** How a node turns an item's failure into n8n's error: Ecomail's wording unless a node has its own. */
export type ItemErrorOf = (
	node: INode,
	error: unknown,
	itemIndex: number,
) => NodeApiError | NodeOperationError;
