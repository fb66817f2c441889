/** Track Custom Event: `POST /tracker/events` for an existing contact (automations can start on it). */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { requiredText, text } from '../../platform/input';
import { ecomailClient } from '../client';
import { withEcomailErrors } from '../errors';
import { emailField } from '../fields';

/** A value that is valid JSON is sent as structured data (Ecomail encodes it), otherwise as text. */
function eventValue(raw: unknown): unknown {
  const value = text(raw);
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? parsed : value;
  } catch {
    return value;
  }
}

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const reply = await withEcomailErrors(z, () =>
    ecomailClient(z, bundle).trackEvent({
      email: requiredText(input.email, 'Email'),
      category: text(input.category),
      action: text(input.action),
      label: text(input.label),
      property: text(input.property),
      value: eventValue(input.value),
    }),
  );
  return { ...reply, id: reply.id ?? null };
}

export default defineCreate({
  key: 'track_event',
  noun: 'Event',
  display: { label: 'Track Custom Event', description: 'Creates a custom event on a contact, e.g. to start an automation.' },
  operation: {
    inputFields: [
      { ...emailField, helpText: 'The contact must already exist in Ecomail.' },
      { key: 'category', label: 'Category', type: 'string', required: false, helpText: 'Groups events in automation conditions, e.g. `ticket`.' },
      { key: 'action', label: 'Action', type: 'string', required: false, helpText: 'What happened, e.g. `purchase`.' },
      { key: 'label', label: 'Label', type: 'string', required: false },
      { key: 'property', label: 'Property', type: 'string', required: false },
      { key: 'value', label: 'Value', type: 'text', required: false, helpText: 'Text, or JSON that Ecomail stores as data (at most 20,000 characters).' },
    ],
    perform,
    sample: {
      id: 51277,
      email: 'petra.novakova@example.cz',
      category: 'ticket',
      action: 'purchase',
      label: 'Jazz na Špilberku',
      property: 'GO-2026-0614-8812',
      value: '{"tickets":2}',
    },
    outputFields: [
      { key: 'id', label: 'Event ID', type: 'integer' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'category', label: 'Category', type: 'string' },
      { key: 'action', label: 'Action', type: 'string' },
      { key: 'label', label: 'Label', type: 'string' },
      { key: 'property', label: 'Property', type: 'string' },
      { key: 'value', label: 'Value', type: 'string' },
    ],
  },
});
