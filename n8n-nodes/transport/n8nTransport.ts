import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import {
	buildUrl,
	type HttpRequest,
	type HttpResponse,
	type HttpTransport,
} from '@ecomail-bridge/shared';

/**
 * One of n8n's request helpers: `httpRequestWithAuthentication` bound to a credential type, or
 * plain `httpRequest` inside a credential's `preAuthentication`.
 */
export type N8nRequest = (options: IHttpRequestOptions) => Promise<unknown>;

export interface N8nTransportOptions {
	/**
	 * Statuses n8n must see as failures so that it runs the credential's `preAuthentication`
	 * and retries once (GoOut: 401). Every other status is handed to the core as it came.
	 */
	refreshOn?: number[];
}

/**
 * The core's `HttpTransport` port on top of n8n's request helpers. Resolves with every HTTP
 * status; rejects only when no answer arrived, which the core's policy treats as a network fault.
 */
export function createN8nTransport(
	send: N8nRequest,
	options: N8nTransportOptions = {},
): HttpTransport {
	const ignoreHttpStatusErrors: IHttpRequestOptions['ignoreHttpStatusErrors'] = options.refreshOn
		?.length
		? { ignore: true, except: options.refreshOn }
		: true;
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const sent = await send({
			method: request.method,
			url: buildUrl(request.url, request.query),
			headers: request.headers as IDataObject | undefined,
			body: request.body as IDataObject | undefined,
			timeout: request.timeoutMs,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors,
		}).then(
			(response) => ({ response: response as IN8nHttpFullResponse }),
			(failure: unknown) => ({ failure }),
		);
		if ('response' in sent) {
			return {
				status: sent.response.statusCode,
				headers: lowerCaseHeaders(sent.response.headers),
				body: emptyToUndefined(sent.response.body),
			};
		}
		// A status n8n threw on (refreshOn, still failing after its retry) is still an answer;
		// anything else means no answer arrived, which the port reports by rejecting.
		const answered = httpStatusOf(sent.failure);
		if (answered === undefined) throw sent.failure;
		return { status: answered.status, headers: {}, body: answered.body };
	};
}

function lowerCaseHeaders(headers: IDataObject | undefined): Record<string, string | undefined> {
	const result: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(headers ?? {})) {
		result[name.toLowerCase()] = Array.isArray(value)
			? value.join(', ')
			: value == null
				? undefined
				: String(value);
	}
	return result;
}

function emptyToUndefined(body: unknown): unknown {
	return body === '' || body === null ? undefined : body;
}

/** Reads the HTTP status from n8n's NodeApiError (`httpCode`) or a raw axios error (`response`). */
function httpStatusOf(error: unknown): { status: number; body: unknown } | undefined {
	const candidate = error as {
		httpCode?: string | null;
		context?: { data?: unknown };
		response?: { status?: number; data?: unknown };
	};
	if (typeof candidate?.response?.status === 'number') {
		return { status: candidate.response.status, body: emptyToUndefined(candidate.response.data) };
	}
	if (typeof candidate?.httpCode === 'string' && /^\d{3}$/.test(candidate.httpCode)) {
		return { status: Number(candidate.httpCode), body: candidate.context?.data };
	}
	return undefined;
}
