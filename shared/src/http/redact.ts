/**
 * The one place that masks credentials in text bound for a user, a log or a report: error
 * messages, request descriptions, summaries. Core errors apply it themselves; shells call it for
 * whatever their platform prints around our errors (n8n descriptions, Zapier messages, CLI output).
 */

/**
 * Names whose values are secrets wherever they appear: query parameters, form or JSON fields,
 * header lines. Lower-case. GoOut `refreshToken` (refresh variant A puts it in the URL), Ecomail's
 * `key` header, webhook `?key=` / `?secret=`, SALESmanago `apiSecret` / `sha`, IdoSell
 * `X-API-KEY`, GetResponse `X-Auth-Token`.
 */
const SECRET_NAMES = [
  'refreshtoken',
  'refresh_token',
  'accesstoken',
  'access_token',
  'initialaccesstoken',
  'initialrefreshtoken',
  'token',
  'key',
  'apikey',
  'api_key',
  'x-api-key',
  'x-auth-token',
  'secret',
  'apisecret',
  'api_secret',
  'client_secret',
  'sha',
  'password',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
];

export const REDACTED = '[redacted]';

/** True for a query parameter, field or header name whose value must never be shown. */
export function isSecretName(name: string): boolean {
  return SECRET_NAMES.includes(name.toLowerCase());
}

const NAMES = SECRET_NAMES.map((name) => name.replace(/[-_]/g, '[-_]?')).join('|');
/** `?refreshToken=…` / `&key=…` in URLs and form bodies. */
const QUERY_PAIR = new RegExp(`([?&](?:${NAMES})=)[^&#\\s"'<>]*`, 'gi');
/** `"refreshToken": "…"`, also inside JSON that was itself put into a string (`\"…\"`). */
const JSON_PAIR = new RegExp(`(\\\\?"(?:${NAMES})\\\\?"\\s*:\\s*\\\\?")[^"\\\\]*`, 'gi');
/** `refreshToken: '…'` as Node's util.inspect prints objects. */
const INSPECT_PAIR = new RegExp(`(\\b(?:${NAMES})\\s*:\\s*')[^']*`, 'gi');
/** `Authorization: Bearer …` / `key: …` header lines. */
const HEADER_LINE = new RegExp(`(^|\\n)([ \\t]*(?:${NAMES})[ \\t]*:[ \\t]*)(?!'|")[^\\r\\n]*`, 'gi');
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi;
/** GoOut's tokens are JWTs (docs/goout.md §1); tokens rotated during a run are masked by shape. */
const JWT = /eyJ[\w-]*\.[\w-]*(\.[\w-]*)?/g;
/** Shorter values would mask ordinary words; real keys and tokens are long. */
const MIN_SECRET_LENGTH = 6;

/**
 * `text` with every secret masked: the `known` values (as they are and URL-encoded), values of
 * secret-named query parameters, JSON / inspect fields and header lines, Bearer tokens and
 * anything shaped like a JWT.
 */
export function redactSecrets(text: string, known: Iterable<string | undefined> = []): string {
  let masked = text;
  for (const secret of known) {
    const value = secret?.trim();
    if (!value || value.length < MIN_SECRET_LENGTH) continue;
    masked = masked.split(value).join(REDACTED);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) masked = masked.split(encoded).join(REDACTED);
  }
  return masked
    .replace(QUERY_PAIR, `$1${REDACTED}`)
    .replace(JSON_PAIR, `$1${REDACTED}`)
    .replace(INSPECT_PAIR, `$1${REDACTED}`)
    .replace(HEADER_LINE, `$1$2${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(JWT, REDACTED);
}

/** Collects the credentials one run knows (pasted, rotated) and masks them in any text. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.trim().length >= MIN_SECRET_LENGTH) this.secrets.add(secret.trim());
  }

  apply(text: string): string {
    return redactSecrets(text, this.secrets);
  }
}
