import { notFound, validationError } from '../errors';
import { route } from '../router';
import { isRecord, readEmail } from '../validation';
import { bodyObject, type ApiHandler, type RouteContext } from './context';

/** docs/ecomail-api.md §6: `value` may be at most 20,000 characters after JSON-encoding. */
const MAX_EVENT_VALUE_LENGTH = 20_000;

/** POST /tracker/events (docs/ecomail-api.md §6): the contact must already exist in the account (404 otherwise [U]). */
function trackEvent(ctx: RouteContext) {
  const event = bodyObject(ctx).event;
  if (!isRecord(event)) throw validationError('event', 'The event field is required.');
  const email = readEmail(event.email);
  if (!ctx.store.contacts.has(email)) throw notFound('Subscriber not found.');
  const value = encodeValue(event.value);
  if (value !== null && value.length > MAX_EVENT_VALUE_LENGTH) {
    throw validationError('value', `The value may not be greater than ${MAX_EVENT_VALUE_LENGTH} characters.`);
  }
  const stored = {
    id: ctx.store.takeEventId(),
    email,
    category: optionalText(event.category),
    action: optionalText(event.action),
    label: optionalText(event.label),
    property: optionalText(event.property),
    value,
  };
  ctx.store.events.push({ ...stored, at: ctx.now });
  return { body: stored };
}

/** Objects and arrays are JSON-encoded server-side; the reply always carries a string. */
function encodeValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function optionalText(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

export const eventRoutes = [route<ApiHandler>('POST', '/tracker/events', trackEvent)];
