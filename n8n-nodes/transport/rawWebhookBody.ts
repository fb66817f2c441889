import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

/**
 * Hidden parameter that makes n8n hand a version-1 trigger its webhook body unparsed. n8n parses a
 * webhook body before the node runs, and answers 422 "Failed to parse request body" to JSON it
 * cannot parse, unless the start node's `options.binaryData` is set and its typeVersion is 1
 * (`parseRequestBody` in n8n's packages/cli/src/webhooks/webhook-helpers.ts; the parser is
 * packages/cli/src/middlewares/body-parser.ts). A later typeVersion of the trigger loses this.
 */
export const rawBodyOption: INodeProperties = {
	displayName: 'Raw Body',
	name: 'options',
	type: 'hidden',
	default: { binaryData: true },
};

/** What n8n's request carries besides Express's fields (its raw-body reader middleware). */
interface N8nRequest {
	readRawBody?: () => Promise<void>;
	rawBody?: { toString(encoding?: string): string };
	contentType?: string;
	body?: unknown;
}

/**
 * The webhook's body for a lenient reader: the raw text whatever the content type (an empty body
 * is ''), a form body as its fields, or — where n8n did parse it already — n8n's parsed body.
 */
export async function webhookBody(context: IWebhookFunctions): Promise<unknown> {
	const request = context.getRequestObject() as unknown as N8nRequest;
	if (typeof request.readRawBody !== 'function') return context.getBodyData();
	await request.readRawBody();
	const text = request.rawBody?.toString('utf8') ?? '';
	const isForm = (request.contentType ?? '').startsWith('application/x-www-form-urlencoded');
	// A JSON body sent as a form stays text, so a broken one still reaches the lenient reader.
	if (isForm && !text.trimStart().startsWith('{'))
		return Object.fromEntries(new URLSearchParams(text));
	return text;
}
