/**
 * Add External Event: one SALESmanago external event of an existing contact — a purchase, a
 * cancellation, a return, a cart — through the core's client (`addEvent`), which applies the
 * field length caps before sending (docs/salesmanago.md §6.1). With an Event ID the event is
 * updated instead of added: how one cart stays one event while it changes (§6.3).
 */
import { normalizeEmail, type SalesManagoEventInput, type SalesManagoEventType } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { numberOf, requiredText, text, textList } from '../../platform/input';
import { salesManagoFor } from '../connection';
import { emailField } from '../fields';

const TYPE_LABELS: Record<SalesManagoEventType, string> = {
  PURCHASE: 'Purchase',
  CANCELLATION: 'Cancellation',
  RETURN: 'Return',
  CART: 'Cart',
  OTHER: 'Other',
};

const fields = [
  { ...emailField, helpText: 'The contact must already exist in SALESmanago (add it with **Create or Update Contact** first).' },
  {
    key: 'type',
    label: 'Event Type',
    type: 'string',
    required: true,
    choices: Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label, sample: value })),
    helpText: '**Purchase** for an order placed, **Cancellation** for a cancelled one (same External ID as its purchase), **Return**, **Cart** for a changed cart, **Other**.',
  },
  { key: 'date', label: 'Date', type: 'datetime', required: false, helpText: 'When it happened; empty means now.' },
  { key: 'value', label: 'Value', type: 'number', required: false, helpText: 'The order or cart total in currency units, e.g. `1290.50` (at most 22 characters as text).' },
  { key: 'products', label: 'Product IDs', type: 'string', list: true, required: false, helpText: 'Sent comma-joined, at most 512 characters.' },
  { key: 'externalId', label: 'External ID', type: 'string', required: false, helpText: 'Your id of the order or cart, e.g. `shop-88120`.' },
  { key: 'location', label: 'Location', type: 'string', required: false, helpText: 'The shop or source identifier configured in SALESmanago.' },
  { key: 'shopDomain', label: 'Shop Domain', type: 'string', required: false, helpText: 'e.g. `shop.example.cz`.' },
  { key: 'description', label: 'Description', type: 'text', required: false, helpText: 'Free text; for a cart, the cart-recovery URL.' },
  {
    key: 'details',
    label: 'Details',
    type: 'string',
    list: true,
    required: false,
    helpText: 'detail1, detail2, … in this order (at most 20, 255 characters each). For a purchase: product names, order date, categories.',
  },
  {
    key: 'eventId',
    label: 'Event ID to Update',
    type: 'string',
    required: false,
    helpText: 'The id of an event sent before (the **Event ID** of an earlier run): that event is updated instead of a new one added, e.g. to keep one event per cart.',
  },
] satisfies PlainInputField[];

const TYPES = Object.keys(TYPE_LABELS) as SalesManagoEventType[];

function eventDate(z: ZObject, raw: unknown): number {
  const value = text(raw);
  if (value === undefined) return Date.now();
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new z.errors.Error(`Date "${value.slice(0, 40)}" is not a date and time.`, 'InvalidInput', 400);
  return ms;
}

/** detail1, detail2, … keep their places: an empty one in the middle stays empty, it does not shift the rest. */
function detailsOf(raw: unknown): Array<string | undefined> {
  return Array.isArray(raw) ? raw.map(text) : textList(raw);
}

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const type = TYPES.find((known) => known === text(input.type)?.toUpperCase());
  if (!type) throw new z.errors.Error(`Event Type must be one of ${TYPES.join(', ')}.`, 'InvalidInput', 400);
  const event: SalesManagoEventInput = {
    email: requiredText(input.email, 'Email'),
    type,
    date: eventDate(z, input.date),
    value: numberOf(input.value),
    products: textList(input.products),
    externalId: text(input.externalId),
    location: text(input.location),
    shopDomain: text(input.shopDomain),
    description: text(input.description),
    details: detailsOf(input.details),
    eventId: text(input.eventId),
  };
  const { eventId } = await salesManagoFor(z, bundle).client.addEvent(event);
  return {
    event_id: eventId,
    updated: event.eventId !== undefined,
    email: normalizeEmail(event.email),
    type,
    date: new Date(event.date).toISOString(),
    external_id: event.externalId ?? null,
    value: event.value ?? null,
  };
}

export default defineCreate({
  key: 'add_external_event',
  noun: 'External Event',
  display: {
    label: 'Add External Event',
    description: 'Adds an external event (purchase, cancellation, return, cart) to a SALESmanago contact, or updates one sent before.',
  },
  operation: {
    inputFields: fields,
    perform,
    sample: {
      event_id: '6a1d3c9e-0b7f-4e52-9d1a-3f8c2b7e4a10',
      updated: false,
      email: 'petra.novakova@example.cz',
      type: 'PURCHASE',
      date: '2026-06-14T16:02:11.000Z',
      external_id: 'shop-88120',
      value: 1290.5,
    },
    outputFields: [
      { key: 'event_id', label: 'Event ID', type: 'string' },
      { key: 'updated', label: 'Updated an Earlier Event', type: 'boolean' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'type', label: 'Event Type', type: 'string' },
      { key: 'date', label: 'Date', type: 'datetime' },
      { key: 'external_id', label: 'External ID', type: 'string' },
      { key: 'value', label: 'Value', type: 'number' },
    ],
  },
});
