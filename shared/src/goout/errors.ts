/**
 * Errors raised by the GoOut source. Messages name the method, the path (never the query string:
 * variant A of the refresh call carries the refresh token there) and the status, never a token.
 */

/** Anything that looks like a JWT is cut out of server-supplied text before it reaches a message. */
function redact(text: string): string {
  return text.replace(/eyJ[\w-]*\.[\w-]*(\.[\w-]*)?/g, '[token]').slice(0, 200);
}

/** Short, token-free detail from a GoOut error body (`message`, `error` or plain text). */
export function describeGoOutBody(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() ? redact(body.trim()) : undefined;
  if (body && typeof body === 'object') {
    const { message, error, error_description: description } = body as Record<string, unknown>;
    const parts = [error, description, message].filter((p): p is string => typeof p === 'string' && p !== '');
    if (parts.length) return redact(parts.join(': '));
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
    super(`GoOut ${method} ${path} answered HTTP ${status}${detail ? `: ${detail}` : ''}`);
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
