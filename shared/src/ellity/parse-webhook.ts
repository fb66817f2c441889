import { isValidEmail, normalizeEmail } from '../ecomail/validation';
import { systemClock, type Clock } from '../ports';
import { isRecord, parseJsonText } from './json-body';
import { EllityPayloadError } from './payload-error';
import type { EllityEvent, EllityTrigger } from './types';
import { ELLITY_TRIGGERS } from './webhook-template';
import { cleanText, normaliseDate, parseLenientNumber } from './values';

/**
 * Where each field may sit, first match wins: our template's place first, then the flat names a
 * merchant uses in a GET query (`?email=#customer.email#&credit=…`) or a hand-written body.
 */
const FIELD_PATHS = {
  trigger: ['trigger', 'type'],
  email: ['customer.email', 'email', 'customerEmail', 'customer_email'],
  customerId: ['customer.id', 'customerId', 'customer_id'],
  eshopId: ['eshopId', 'account.eshopId', 'eshop_id'],
  credit: ['customer.credit', 'credit'],
  delta: ['creditChange.value', 'delta', 'creditChange', 'credit_change'],
  tierId: ['customer.tierId', 'customer.tier.id', 'tierId', 'tier_id'],
  tierName: ['customer.tierName', 'customer.tier.name', 'tierName', 'tier_name'],
  groupId: ['customer.groupId', 'customer.group.id', 'groupId', 'group_id'],
  groupName: ['customer.groupName', 'customer.group.name', 'groupName', 'group_name'],
  pin: ['customer.pin', 'pin'],
  expirationDate: ['customer.nextExpirationDate', 'customer.nextExpiration.date', 'nextExpirationDate', 'expirationDate'],
  expirationValue: ['customer.nextExpirationValue', 'customer.nextExpiration.value', 'nextExpirationValue', 'expirationValue'],
} as const;
type Field = keyof typeof FIELD_PATHS;

/** Reads the raw value of one path from one source; undefined when absent. */
type Reader = (path: string) => unknown;

export interface ParseEllityOptions {
  /** Receipt time source (Ellity sends no timestamp); defaults to the system clock. */
  now?: Clock;
}

/**
 * Turns whatever an Ellity webhook call delivered into an EllityEvent, leniently (docs/ellity.md §4.2):
 * `body` is an object, a JSON string (possibly broken by plain-text substitution) or empty, and
 * `query` holds the URL parameters of a GET. Throws EllityPayloadError only when no valid customer
 * e-mail can be found. The URL secret (`key`) is never read into the event.
 */
export function parseEllityWebhook(body: unknown, query?: Record<string, unknown>, options: ParseEllityOptions = {}): EllityEvent {
  const readers: Reader[] = [];
  let degraded = false;
  const raw = rawJsonText(body);
  if (raw !== undefined) {
    const parsed = parseJsonText(raw);
    if (isRecord(parsed)) readers.push(recordReader(parsed));
    else if (raw.trim() !== '') {
      readers.push(brokenJsonReader(raw));
      degraded = true;
    }
  } else if (isRecord(body) && Object.keys(body).length > 0) {
    readers.push(recordReader(body));
  }
  if (query && Object.keys(query).some((name) => name !== 'key')) readers.push(recordReader(query));
  if (readers.length === 0) throw new EllityPayloadError('empty');

  const first = (field: Field): unknown => {
    for (const read of readers) {
      for (const path of FIELD_PATHS[field]) {
        const value = read(path);
        if (cleanText(value) !== null) return value;
      }
    }
    return undefined;
  };
  const text = (field: Field) => cleanText(first(field));
  const number = (field: Field) => parseLenientNumber(first(field));

  const email = findEmail(readers, degraded ? raw : undefined);
  const tierId = text('tierId');
  const tierName = text('tierName');
  const groupId = text('groupId');
  const groupName = text('groupName');
  return {
    source: 'ellity',
    type: triggerType(text('trigger')),
    occurredAt: new Date((options.now ?? systemClock)()).toISOString(),
    email,
    customerId: text('customerId'),
    eshopId: text('eshopId'),
    credit: number('credit'),
    delta: number('delta'),
    tier: tierId !== null || tierName !== null ? { id: tierId, name: tierName } : null,
    group: groupId !== null || groupName !== null ? { id: groupId, name: groupName } : null,
    pin: text('pin'),
    nextExpiration: { date: normaliseDate(first('expirationDate')), value: number('expirationValue') },
    degraded,
  };
}

/** Accepts `credit_changed`, `Credit-Changed`, `credit changed`; anything else is `unknown`. */
function triggerType(value: string | null): EllityTrigger | 'unknown' {
  const name = value?.toLowerCase().replace(/[\s-]+/g, '_');
  return ELLITY_TRIGGERS.find((trigger) => trigger === name) ?? 'unknown';
}

/** Like an e-mail anywhere in a text: the last resort for a body too broken to read by key. */
const EMAIL_IN_TEXT = /[^\s"'<>(),;:\\[\]{}]+@[^\s"'<>(),;:\\[\]{}]+\.[a-z]{2,}/i;

function findEmail(readers: Reader[], brokenText: string | undefined): string {
  let sawUnreplaced = false;
  let sawInvalid = false;
  for (const read of readers) {
    for (const path of FIELD_PATHS.email) {
      const value = read(path);
      if (value === undefined) continue;
      const candidate = cleanText(value);
      if (candidate === null) {
        // Empty text or a literal `#customer.email#`: Ellity had nothing to substitute.
        if (typeof value === 'string') sawUnreplaced = true;
        else sawInvalid = true;
        continue;
      }
      const email = normalizeEmail(candidate);
      if (isValidEmail(email)) return email;
      sawInvalid = true;
    }
  }
  const recovered = brokenText === undefined ? null : EMAIL_IN_TEXT.exec(brokenText);
  if (recovered && isValidEmail(normalizeEmail(recovered[0]))) return normalizeEmail(recovered[0]);
  throw new EllityPayloadError(sawInvalid ? 'invalid-email' : sawUnreplaced ? 'unreplaced-email' : 'missing-email');
}

/**
 * The body as JSON text when it is text. A JSON body posted with a form content type reaches some
 * hosts as an object whose only key is the whole JSON text; that is unwrapped here too.
 */
function rawJsonText(body: unknown): string | undefined {
  if (typeof body === 'string') return body;
  if (isRecord(body)) {
    const keys = Object.keys(body);
    if (keys.length === 1 && keys[0].trimStart().startsWith('{') && cleanText(body[keys[0]]) === null) return keys[0];
  }
  return undefined;
}

/** Nested lookup (`customer.email` → record.customer.email), else the dotted name as a flat key. */
function recordReader(record: Record<string, unknown>): Reader {
  return (path) => {
    let node: unknown = record;
    for (const segment of path.split('.')) {
      node = isRecord(node) ? node[segment] : undefined;
    }
    return node !== undefined ? node : path.includes('.') ? record[path] : undefined;
  };
}

/**
 * Reads a body that is not valid JSON (substitution put a quote or backslash inside a string)
 * key by key. A quoted value counts only when it ends cleanly (followed by `,` `}` or `]`), so a
 * value with an inner quote comes back missing rather than wrong; unquoted numbers such as
 * `1 250,50` are read too.
 */
function brokenJsonReader(text: string): Reader {
  const cache = new Map<string, unknown>();
  return (path) => {
    if (!cache.has(path)) {
      const match = pathPattern(path).exec(text);
      cache.set(path, match ? (match[1] ?? match[2]) : undefined);
    }
    return cache.get(path);
  };
}

const QUOTED_VALUE = '"([^"]*)"(?=\\s*[,}\\]])';
const BARE_NUMBER = '([-+]?\\d(?:[\\d\\s\\u00a0.,]*\\d)?)';

const PATH_PATTERNS = new Map<string, RegExp>();

function pathPattern(path: string): RegExp {
  let pattern = PATH_PATTERNS.get(path);
  if (!pattern) {
    // Each nesting level must be entered through its key and cannot leave its own braces.
    const keys = path.split('.').map((key) => `"${key}"\\s*:\\s*`);
    pattern = new RegExp(`${keys.join('\\{[^{}]*?')}(?:${QUOTED_VALUE}|${BARE_NUMBER})`);
    PATH_PATTERNS.set(path, pattern);
  }
  return pattern;
}
