/**
 * A Zapier response read the core's way (the ports' `HttpResponse`: lower-cased headers, the JSON
 * body parsed, or the raw text), by the transport that hands it to the core and by the apps'
 * afterResponse rules, so both see the same answer.
 */
import type { HttpResponse } from '@ecomail-bridge/shared';
import type { HttpResponse as ZapierResponse } from 'zapier-platform-core';

export function coreResponse(response: ZapierResponse): HttpResponse {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, body: parseBody(response.content) };
}

/** The answer as the core reads it, and the call it answers (`POST /lists/1/subscribe`). */
export type Answer = HttpResponse & { call: string };

export function answerOf(response: ZapierResponse): Answer {
  // Method and path, never the query string: GoOut's refresh call may carry its token there.
  const call = `${response.request.method ?? 'GET'} ${new URL(String(response.request.url)).pathname}`;
  return { ...coreResponse(response), call };
}

function parseBody(content: string): unknown {
  if (content === '') return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}
