/** Track Custom Event: the core's `trackEvent` for an existing contact (automations can start on it). */
import { trackEvent } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { integerOrNull } from '../../platform/ids';
import { requiredText, text } from '../../platform/input';
import { ecomailClient } from '../client';
import { emailField } from '../fields';

/** The core's track-event job reads the value (`eventValue`): `123` stays the text "123" in every shell. */
async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const reply = await trackEvent(ecomailClient(z, bundle), {
    email: requiredText(input.email, 'Email'),
    category: text(input.category),
    action: text(input.action),
    label: text(input.label),
    property: text(input.property),
    value: input.value,
  });
  return { ...reply, id: integerOrNull(reply.id) };
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
