import { redactSecrets } from '../http/redact';

/**
 * What went wrong talking to GetResponse: status, GetResponse's numeric `code`, method, path and
 * its own message, never the API key (it travels in a header we do not copy; server text is
 * masked in case it echoes one).
 */
export class GetResponseApiError extends Error {
  readonly status: number;
  /** GetResponse's error code (1008 duplicate, 1014 authentication, 1015 rate limit …), when given. */
  readonly code?: number;
  readonly method: string;
  readonly path: string;
  readonly serverMessage?: string;

  constructor(init: { status: number; method: string; path: string; code?: number; serverMessage?: string }) {
    const serverMessage = init.serverMessage === undefined ? undefined : redactSecrets(init.serverMessage);
    super(redactSecrets(describe(init.status, init.method, init.path, serverMessage)));
    this.name = 'GetResponseApiError';
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.path = init.path;
    this.serverMessage = serverMessage;
  }

  /** The key (or, for MAX accounts, the domain) was refused: every later call fails the same way. */
  get isAuthError(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /** "Another resource with the same value of a unique property" (docs/getresponse.md §3.1). */
  get isConflict(): boolean {
    return this.status === 409;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export const GETRESPONSE_KEY_REJECTED =
  'GetResponse rejected the API key: paste a valid one from GetResponse → Integrations and API → API (a deleted key stops working at once)';

export const GETRESPONSE_ACCESS_REFUSED =
  'GetResponse refused access with this API key: check the key, and for a GetResponse MAX (Enterprise) account the domain and the API address of your region';

function describe(status: number, method: string, path: string, serverMessage?: string): string {
  if (status === 401) return GETRESPONSE_KEY_REJECTED;
  if (status === 403) return `${GETRESPONSE_ACCESS_REFUSED}${serverMessage ? ` (${serverMessage})` : ''}`;
  if (status === 0) return `Could not reach GetResponse (${method} ${path}): ${serverMessage ?? 'no answer'}`;
  const reason = serverMessage ? `: ${serverMessage}` : '';
  if (status === 429) return `GetResponse's rate limit was still exceeded after waiting (${method} ${path})${reason}`;
  return `GetResponse answered ${status} to ${method} ${path}${reason}`;
}

/**
 * GetResponse's error body: `message`, then each `context` entry (validation details), else raw
 * text; and its numeric `code`.
 */
export function readErrorBody(body: unknown): { code?: number; message?: string } {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body === 'string') return { message: body.length > 500 ? `${body.slice(0, 500)}…` : body };
  if (typeof body !== 'object') return { message: String(body) };
  const record = body as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof record.message === 'string' && record.message) parts.push(record.message);
  const context = record.context;
  for (const entry of Array.isArray(context) ? context : []) {
    if (typeof entry === 'string' && entry) parts.push(entry);
    else if (entry && typeof entry === 'object') {
      const { fieldName, errorDescription } = entry as Record<string, unknown>;
      const field = Array.isArray(fieldName) ? fieldName.join('.') : fieldName;
      if (typeof errorDescription === 'string') parts.push(typeof field === 'string' && field ? `${field}: ${errorDescription}` : errorDescription);
    }
  }
  const code = typeof record.code === 'number' ? record.code : undefined;
  return { ...(code === undefined ? {} : { code }), ...(parts.length ? { message: [...new Set(parts)].join('; ') } : {}) };
}
