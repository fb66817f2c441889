import type { IExecuteFunctions } from 'n8n-workflow';

/** List and e-mail of the contact an operation works on, as the user set them for this item. */
export function readContactTarget(
	context: IExecuteFunctions,
	index: number,
): { listId: string; email: string } {
	return {
		listId: String(context.getNodeParameter('list', index, '', { extractValue: true })),
		email: String(context.getNodeParameter('email', index, '')),
	};
}
