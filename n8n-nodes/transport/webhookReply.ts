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

/**
 * Webhook description fields under which n8n answers an accepted call with the node's own
 * `webhookResponse` ({"status":"ok"}). With `responseData` left undefined n8n uses its default
 * 'firstEntryJson' and sends that word as the body: a falsy `responseData` lets the node's reply
 * through (`extractWebhookOnReceivedResponse` in n8n's
 * packages/cli/src/webhooks/webhook-on-received-response-extractor.ts).
 */
export const acceptedReply = { responseMode: 'onReceived', responseData: '' } as const;
