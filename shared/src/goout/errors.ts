/**
 * Errors raised by the GoOut source. Messages name the method, the path (never the query string:
 * variant A of the refresh call carries the refresh token there) and the status, never a token.
 */
import { redactSecrets } from '../http/redact';

/** Server-supplied text is masked (a server may echo the token it refused) and kept short. */
function redact(text: string, known?: Iterable<string>): string {
  return redactSecrets(text, known).slice(0, 200);
}

/**
 * Short, token-free detail from a GoOut error body (`message`, `error` or plain text); `known`
 * are the tokens of the failed call, masked even when they are not JWT-shaped.
 */
export function describeGoOutBody(body: unknown, known?: Iterable<string>): string | undefined {
  if (typeof body === 'string') return body.trim() ? redact(body.trim(), known) : undefined;
  if (body && typeof body === 'object') {
    const { message, error, error_description: description } = body as Record<string, unknown>;
    const parts = [error, description, message].filter((p): p is string => typeof p === 'string' && p !== '');
    if (parts.length) return redact(parts.join(': '), known);
  }
  return undefined;
}

export class GoOutApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    detail?: string,
  ) {
    super(redactSecrets(`GoOut ${method} ${path} answered HTTP ${status}${detail ? `: ${detail}` : ''}`));
    this.name = 'GoOutApiError';
  }
}

export const GOOUT_RECONNECT_MESSAGE = 'Reconnect GoOut: generate new tokens in GoOut admin → API tokens';

/**
 * The refresh token is dead (lapsed after ~60 days or revoked): only a human can fix it, by pasting
 * a new token pair. Shells show this message as it is.
 */
export class GoOutReconnectError extends Error {
  constructor(
    context: string,
    readonly status?: number,
  ) {
    super(`${GOOUT_RECONNECT_MESSAGE} and paste them into the GoOut credential (${redact(context)}).`);
    this.name = 'GoOutReconnectError';
  }
}
