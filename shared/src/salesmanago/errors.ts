import { redactSecrets } from '../http/redact';

/**
 * What a SALESmanago call ended with, in words a user can act on. `kind` says what the caller
 * should do (docs/salesmanago.md §2.3): `auth` stops the run, `refused` fails the items of that
 * call, `unavailable` (no answer, still throttled or 5xx after the retries) is an outage, `http`
 * is another HTTP status — a request the server did not understand.
 */
export type SalesManagoErrorKind = 'auth' | 'refused' | 'unavailable' | 'http';

export class SalesManagoApiError extends Error {
  readonly kind: SalesManagoErrorKind;
  /** HTTP status of the last answer; 0 when none came; 200 for `success: false`. */
  readonly status: number;
  readonly path: string;
  readonly serverMessage?: string;

  constructor(init: { kind: SalesManagoErrorKind; status: number; path: string; serverMessage?: string; secrets?: Iterable<string | undefined> }) {
    const secrets = [...(init.secrets ?? [])];
    const serverMessage = init.serverMessage === undefined ? undefined : redactSecrets(init.serverMessage, secrets);
    super(redactSecrets(describe(init.kind, init.status, init.path, serverMessage), secrets));
    this.name = 'SalesManagoApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.path = init.path;
    this.serverMessage = serverMessage;
  }

  /** The credentials were refused: every later call fails the same way until the user fixes them. */
  get isAuthError(): boolean {
    return this.kind === 'auth';
  }
}

/** A row or event refused before sending because SALESmanago could not take it as it is. */
export class SalesManagoValidationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SalesManagoValidationError';
  }
}

export const SALESMANAGO_CREDENTIALS_REFUSED =
  'SALESmanago refused the credentials: check the client id, API secret, owner e-mail and endpoint (Integration Center → API)';

function describe(kind: SalesManagoErrorKind, status: number, path: string, serverMessage?: string): string {
  const reason = serverMessage ? `: ${serverMessage}` : '';
  if (kind === 'auth') return `${SALESMANAGO_CREDENTIALS_REFUSED}${serverMessage ? ` (${serverMessage})` : ''}`;
  if (kind === 'refused') return `SALESmanago refused ${path}${reason || ' (success: false without a message)'}`;
  if (status === 0) return `Could not reach SALESmanago (${path})${reason}`;
  if (status === 429) return `SALESmanago was still throttling after the retries (${path})${reason}`;
  if (status >= 500) return `SALESmanago answered ${status} to ${path} after the retries${reason}`;
  return `SALESmanago answered ${status} to ${path}${reason}`;
}
