/**
 * The core's HttpTransport port over Zapier's `z.request`: every request the core makes inside a
 * Zap goes through Zapier's client, so Zapier logs it, scrubs secrets and applies the app's
 * middleware. Like every transport it resolves whatever status came back and rejects plainly only
 * when no answer arrived; an answer the app's afterResponse middleware turned into a Zapier error
 * is rejected as the core's `finalAnswer`, which the core passes on unchanged and unretried.
 */
import { buildUrl, finalAnswer, type HttpRequest, type HttpResponse, type HttpTransport } from '@ecomail-bridge/shared';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { coreResponse } from './answer';
import { isZapierError } from './zapier-errors';

export function createZapierTransport(z: ZObject): HttpTransport {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const hasBody = request.body !== undefined && request.method !== 'GET';
    const options: HttpRequestOptions & { url: string; throwForThrottlingEarly: boolean; merge: boolean } = {
      method: request.method,
      url: buildUrl(request.url, request.query),
      headers: {
        accept: 'application/json',
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...request.headers,
      },
      body: hasBody ? JSON.stringify(request.body) : undefined,
      timeout: request.timeoutMs,
      // Statuses are for the app's afterResponse rules and the core to judge: no ResponseError on
      // 4xx/5xx, and no early ThrottledError on 429 (the rules make one with an honest message).
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
      // No request template to merge; merging would also reject user data containing "{{".
      merge: false,
    };
    try {
      return coreResponse(await z.request(options));
    } catch (error) {
      // Session-auth apps: Zapier turns every 401 into RefreshAuthError before the app's middleware
      // runs. Handed back as the 401 it was: what a GoOut 401 means (refresh, retry) is the core's.
      if (error instanceof Error && error.name === 'RefreshAuthError') return { status: 401, headers: {}, body: undefined };
      // Any other Zapier error is an answer already judged; anything else means no answer came.
      throw isZapierError(z, error) ? finalAnswer(error) : error;
    }
  };
}
