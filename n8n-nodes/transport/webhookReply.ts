import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * Ends a webhook call without starting the workflow: a small JSON answer with the given status
 * (401/403 for a wrong secret, 400 for a body we cannot read).
 */
export function refuse(
	context: IWebhookFunctions,
	status: number,
	message: string,
): IWebhookResponseData {
	context.getResponseObject().status(status).json({ status: 'refused', message });
	return { noWebhookResponse: true };
}

/** Accepted, but nothing for the workflow (filtered out or a duplicate). */
export function ignore(reason: string): IWebhookResponseData {
	return { webhookResponse: { status: 'ignored', reason } };
}
