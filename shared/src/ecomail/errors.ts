import { redactSecrets } from '../http/redact';

/**
 * What went wrong talking to Ecomail, in words a user can act on. Carries the status, method,
 * path and the server's own message; never the API key (it travels in a header we do not copy,
 * and server text is masked in case it echoes one).
 */
export class EcomailApiError extends Error {
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly serverMessage?: string;
  readonly details?: unknown;

  constructor(init: { status: number; method: string; path: string; serverMessage?: string; details?: unknown; message?: string }) {
    const serverMessage = init.serverMessage === undefined ? undefined : redactSecrets(init.serverMessage);
    super(redactSecrets(init.message ?? describe(init.status, init.method, init.path, serverMessage)));
    this.name = 'EcomailApiError';
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.serverMessage = serverMessage;
    this.details = init.details;
  }

  /** The key was refused: every later call will fail the same way until the user pastes a new one. */
  get isAuthError(): boolean {
    return this.status === 401;
  }

  get isRateLimited(): boolean {
    return this.status === 429;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** A row refused before sending because Ecomail would refuse it too. */
export class EcomailValidationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'EcomailValidationError';
  }
}

export const API_KEY_REJECTED =
  'Ecomail rejected the API key: paste the new one from Manage account → For developers (the old key stops working as soon as a new one is generated)';

function describe(status: number, method: string, path: string, serverMessage?: string): string {
  if (status === 401) return API_KEY_REJECTED;
  if (status === 0) return `Could not reach Ecomail (${method} ${path}): ${serverMessage ?? 'no answer'}`;
  const reason = serverMessage ? `: ${serverMessage}` : '';
  if (status === 429) return `Ecomail's rate limit was still exceeded after waiting (${method} ${path})${reason}`;
  if (status === 404) return `Ecomail found nothing at ${method} ${path}${reason || ' (unknown list, contact or automation)'}`;
  return `Ecomail answered ${status} to ${method} ${path}${reason}`;
}

/** Reads Ecomail's error body: `message`, then `errors` (object or string), then `error`, then raw text. */
export function serverMessageOf(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body === 'string') return body.length > 500 ? `${body.slice(0, 500)}…` : body;
  if (typeof body !== 'object') return String(body);
  const record = body as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof record.message === 'string' && record.message) parts.push(record.message);
  const errors = record.errors;
  if (typeof errors === 'string' && errors) parts.push(errors);
  else if (errors && typeof errors === 'object') {
    for (const [field, value] of Object.entries(errors as Record<string, unknown>)) {
      const text = Array.isArray(value) ? value.join(', ') : String(value);
      parts.push(`${field}: ${text}`);
    }
  }
  if (parts.length === 0 && typeof record.error === 'string') parts.push(record.error);
  return parts.length ? [...new Set(parts)].join('; ') : undefined;
}
