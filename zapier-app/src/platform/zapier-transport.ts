/**
 * The core's HttpTransport port over Zapier's `z.request`: every request the core makes inside a
 * Zap goes through Zapier's client, so Zapier logs it, scrubs secrets and applies the app's
 * middleware. Like every transport it resolves whatever status came back and rejects only when no
 * answer arrived; the core's policy and clients decide what a status means.
 */
import { buildUrl, type HttpRequest, type HttpResponse, type HttpTransport } from '@ecomail-bridge/shared';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { noteThrottle } from './throttle';

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
      // Statuses are the core's to judge: no ResponseError on 4xx/5xx, no early ThrottledError on 429.
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
      // No request template to merge; merging would also reject user data containing "{{".
      merge: false,
    };
    try {
      const response = await z.request(options);
      const headers = headersOf(response.headers);
      if (response.status === 429) noteThrottle(z, headers['retry-after']);
      return { status: response.status, headers, body: parseBody(response.content) };
    } catch (error) {
      // Session-auth apps: core turns every 401 into RefreshAuthError before we see the response.
      // Hand it back as the 401 it was, so the retry policy does not mistake it for a network fault.
      if (error instanceof Error && error.name === 'RefreshAuthError') return { status: 401, headers: {}, body: undefined };
      throw error;
    }
  };
}

function headersOf(headers: { forEach(callback: (value: string, name: string) => void): void }): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function parseBody(content: string): unknown {
  if (content === '') return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}
