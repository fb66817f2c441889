import { deliveryKeys } from '../deliveries/delivery-keys';
import { isValidEmail, normalizeEmail } from '../ecomail/validation';
import { isRecord, parseJsonText } from '../ellity/json-body';

export interface EcomailListWebhookEvent {
  email: string;
  status: 'subscribed' | 'unsubscribed';
  listId: number;
  campaignId?: number | null;
}

/** The list webhook body could not be read; the message says what is wrong (no request data in it). */
export class EcomailWebhookPayloadError extends Error {
  override readonly name = 'EcomailWebhookPayloadError';
}

const SETUP_HINT = 'Expected Ecomail\'s list webhook body {"payload": {"email", "status", "listId", "campaignId"}}';

/**
 * Ecomail's per-list contact status webhook (docs/ecomail-api.md §9.1) → a subscribe/unsubscribe fact.
 * Lenient about form: a JSON string or an object, with or without the `payload` wrapper, any case
 * of status, numeric ids as strings.
 */
export function parseEcomailListWebhook(body: unknown): EcomailListWebhookEvent {
  const root = typeof body === 'string' ? parseJsonText(body) : body;
  const payload = isRecord(root) && isRecord(root.payload) ? root.payload : root;
  if (!isRecord(payload)) throw new EcomailWebhookPayloadError(`The Ecomail webhook body is empty or not JSON. ${SETUP_HINT}.`);

  const email = typeof payload.email === 'string' ? normalizeEmail(payload.email) : '';
  if (!isValidEmail(email)) throw new EcomailWebhookPayloadError(`The Ecomail webhook carries no valid e-mail. ${SETUP_HINT}.`);

  const status = typeof payload.status === 'string' ? payload.status.trim().toLowerCase() : '';
  if (status !== 'subscribed' && status !== 'unsubscribed') {
    throw new EcomailWebhookPayloadError(`The Ecomail webhook status must be SUBSCRIBED or UNSUBSCRIBED. ${SETUP_HINT}.`);
  }

  const listId = wholeNumber(payload.listId);
  if (listId === null) throw new EcomailWebhookPayloadError(`The Ecomail webhook has no numeric listId. ${SETUP_HINT}.`);
  return { email, status, listId, campaignId: wholeNumber(payload.campaignId) };
}

function wholeNumber(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : null;
}

/**
 * What makes two list-webhook deliveries the same change. Ecomail documents no retry policy and no
 * delivery id [U], so a repeat within the trigger's window counts as one (a genuine re-subscribe
 * within the same window is folded into the first; windows are short, and the state is the same).
 */
export function ecomailListWebhookDedupeKey(event: EcomailListWebhookEvent): string {
  return `${event.email}|${event.listId}|${event.status}|${event.campaignId ?? ''}`;
}

/** The change's keys for a store of processed deliveries shared by several processes (deliveryKeys). */
export function ecomailListWebhookDeliveryKeys(event: EcomailListWebhookEvent, receivedAtMs: number, windowMs: number): string[] {
  return deliveryKeys(ecomailListWebhookDedupeKey(event), receivedAtMs, windowMs);
}
