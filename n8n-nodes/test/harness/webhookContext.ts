/**
 * A hand-made IWebhookFunctions for unit tests of `webhook()` (docs/n8n-platform.md §8.2: the runner
 * does not call webhook methods). Records what the node wrote to the HTTP response.
 */
import type { IDataObject, INode, IWebhookFunctions, IWorkflowMetadata } from 'n8n-workflow';

export interface FakeRequest {
	/** What n8n parsed; ignored by nodes that read the raw body when `raw` is given. */
	body?: unknown;
	/** The request's bytes as n8n's raw-body reader holds them (it also sets `contentType`). */
	raw?: { text: string; contentType?: string };
	typeVersion?: number;
	query?: IDataObject;
	parameters?: IDataObject;
	credentials?: Record<string, IDataObject>;
	nodeId?: string;
}

export interface WebhookCall {
	context: IWebhookFunctions;
	/** Status and JSON the node sent itself (refusals); undefined when n8n answers. */
	response: { status?: number; body?: unknown };
}

export function webhookContext(request: FakeRequest): WebhookCall {
	const response: WebhookCall['response'] = {};
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
	};
	const node = {
		id: request.nodeId ?? 'node-1',
		name: 'Trigger',
		typeVersion: request.typeVersion ?? 1,
		parameters: request.parameters ?? {},
	} as unknown as INode;
	const raw = request.raw;
	const httpRequest = raw
		? {
				body: request.body,
				query: request.query ?? {},
				contentType: raw.contentType,
				rawBody: undefined as Buffer | undefined,
				async readRawBody() {
					this.rawBody = Buffer.from(raw.text, 'utf8');
				},
			}
		: { body: request.body, query: request.query ?? {} };
	const context = {
		getNode: () => node,
		getWorkflow: (): IWorkflowMetadata => ({ id: 'wf-1', name: 'test', active: true }),
		getNodeParameter: (name: string, fallback?: unknown) => request.parameters?.[name] ?? fallback,
		getBodyData: () => request.body as IDataObject,
		getQueryData: () => request.query ?? {},
		getHeaderData: () => ({}),
		getRequestObject: () => httpRequest,
		getResponseObject: () => res,
		getCredentials: async (type: string) => {
			const credentials = request.credentials?.[type];
			if (!credentials) throw new Error(`no credentials of type ${type}`);
			return credentials;
		},
		helpers: {
			returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })),
		},
	} as unknown as IWebhookFunctions;
	return { context, response };
}
