import type { CustomFieldValue, SubscriberData, TrackEventInput } from '../ecomail/types';
import { isValidEmail, normalizeEmail } from '../ecomail/validation';
import { cleanText, isIsoDate, normaliseDate, parseLenientNumber, type EllityEvent } from '../ellity';

type Fields = Record<string, CustomFieldValue>;

/**
 * Ecomail labels of Ellity's native integration (docs/ellity.md §3) so automations built for it keep
 * working. `tier` has no native label: ours [A].
 */
const EVENT_LABELS: Record<EllityEvent['type'], string | null> = {
  credit_changed: 'credit',
  points_expiring: 'expiry',
  pin_changed: 'pin',
  tier_changed: 'tier',
  unknown: null,
};

export interface EllityEventMapping {
  /** `POST /tracker/events` body, sent AFTER the fields (e-mails read the fields, not the event). */
  event: TrackEventInput | null;
  /** Only fields with a value: a missing value never overwrites a stored one. */
  customFields: Fields;
  /** update-subscriber data carrying the fields. */
  subscriber: SubscriberData;
}

/** A normalised Ellity event → Ecomail tracker event + `ellity_*` custom fields. */
export function mapEllityEvent(event: EllityEvent): EllityEventMapping {
  const customFields: Fields = {
    ...creditFields('ellity_credit', event.credit),
    ...textField('ellity_pin', event.pin),
    ...dateField('ellity_next_expiration_date', event.nextExpiration.date),
    ...creditFields('ellity_next_expiration_value', event.nextExpiration.value),
    ...(event.delta === null
      ? {}
      : { ...dateField('ellity_last_change_date', receiptDate(event.occurredAt)), ellity_last_change_value: String(event.delta) }),
    // Tier fields are ours [A]: Ellity's native integration writes none.
    ...textField('ellity_tier_id', event.tier?.id ?? null),
    ...textField('ellity_tier_name', event.tier?.name ?? null),
  };
  return {
    event: trackerEvent(event),
    customFields,
    subscriber: { email: event.email, ...(Object.keys(customFields).length > 0 ? { custom_fields: customFields } : {}) },
  };
}

function trackerEvent(event: EllityEvent): TrackEventInput | null {
  const label = EVENT_LABELS[event.type];
  if (label === null) return null;
  // Expiry reminders only when points actually expire (docs/stories.md §3). An unknown amount
  // still fires: the expiry variable names are assumed [A] and may arrive empty.
  if (event.type === 'points_expiring' && event.nextExpiration.value !== null && event.nextExpiration.value <= 0) return null;
  const numbers = { credit: event.credit, delta: event.delta, expiring: event.nextExpiration.value };
  const value = Object.fromEntries(Object.entries(numbers).filter(([, number]) => number !== null));
  return {
    email: event.email,
    category: 'ellity',
    action: 'change',
    label,
    ...(Object.keys(value).length > 0 ? { value } : {}),
  };
}

/**
 * One row of Ellity's one-time customer export (columns of docs/ellity.md §2, any case) → contact data
 * with `ellity_*` fields; null when the row has no valid e-mail (the caller counts it as skipped).
 */
export function mapEllityCustomer(record: Record<string, unknown>): SubscriberData | null {
  const row = new Map(Object.entries(record).map(([key, value]) => [key.trim().toLowerCase(), value]));
  const rawEmail = cleanText(row.get('email') ?? row.get('e-mail'));
  const email = rawEmail === null ? null : normalizeEmail(rawEmail);
  if (email === null || !isValidEmail(email)) return null;
  const customFields: Fields = {
    ...pairedFields('ellity_credit', row),
    ...textField('ellity_pin', row.get('ellity_pin')),
    ...textField('ellity_registered', row.get('ellity_registered')),
    ...dateField('ellity_next_expiration_date', normaliseDate(row.get('ellity_next_expiration_date'))),
    ...pairedFields('ellity_next_expiration_value', row),
    ...dateField('ellity_last_change_date', normaliseDate(row.get('ellity_last_change_date'))),
    ...textField('ellity_last_change_value', row.get('ellity_last_change_value')),
    ...textField('ellity_referral_code', row.get('ellity_referral_code')),
    ...textField('ellity_referral_link', row.get('ellity_referral_link')),
  };
  return { email, ...(Object.keys(customFields).length > 0 ? { custom_fields: customFields } : {}) };
}

/** Ellity keeps a number twice: `<key>` as text and `<key>_num` as a number (docs/ellity.md §2). */
function creditFields(key: string, value: number | null): Fields {
  return value === null ? {} : { [key]: String(value), [`${key}_num`]: value };
}

/** The text/number pair from an export row, either column filling in for a missing other. */
function pairedFields(key: string, row: Map<string, unknown>): Fields {
  const text = cleanText(row.get(key));
  const number = parseLenientNumber(row.get(`${key}_num`)) ?? parseLenientNumber(text);
  const fields: Fields = {};
  if (text !== null || number !== null) fields[key] = text ?? String(number);
  if (number !== null) fields[`${key}_num`] = number;
  return fields;
}

function textField(key: string, value: unknown): Fields {
  const text = cleanText(value);
  return text === null ? {} : { [key]: text };
}

/** Ecomail's typed date for `YYYY-MM-DD`; other text as sent (Ellity's format is unknown [U]). */
function dateField(key: string, date: string | null): Fields {
  if (date === null) return {};
  return { [key]: isIsoDate(date) ? { value: date, type: 'date' } : date };
}

let pragueDay: Intl.DateTimeFormat | null | undefined;

/**
 * Calendar day of receipt as Czech and Slovak merchants see it (a change at 00:30 local time is
 * that day, not the previous UTC day); the UTC day where the runtime has no time-zone data.
 */
function receiptDate(occurredAt: string): string {
  if (pragueDay === undefined) {
    try {
      pragueDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      pragueDay = null;
    }
  }
  const time = Date.parse(occurredAt);
  if (pragueDay === null || Number.isNaN(time)) return occurredAt.slice(0, 10);
  return pragueDay.format(time);
}
