/** Unsubscribe Contact: sets the contact's status in one list to unsubscribed (keeps the contact). */
import { normalizeEmail } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { isoDateTime } from '../../platform/dates';
import { integerOrNull } from '../../platform/ids';
import { requiredText } from '../../platform/input';
import { ecomailClient } from '../client';
import { emailField, listField } from '../fields';

async function perform(z: ZObject, bundle: Bundle) {
  const listId = requiredText(bundle.inputData.listId, 'List');
  const email = requiredText(bundle.inputData.email, 'Email');
  const reply = (await ecomailClient(z, bundle).unsubscribe(listId, email)) as Record<string, unknown> | undefined;
  return {
    id: integerOrNull(reply?.id),
    email: normalizeEmail(String(reply?.email ?? email)),
    list_id: Number(reply?.list_id ?? listId),
    status: Number(reply?.status ?? 2),
    unsubscribed_at: isoDateTime(reply?.unsubscribed_at) ?? new Date().toISOString(),
  };
}

export default defineCreate({
  key: 'unsubscribe_contact',
  noun: 'Contact',
  display: { label: 'Unsubscribe Contact', description: 'Unsubscribes a contact from a list; the contact and its data stay in Ecomail.' },
  operation: {
    inputFields: [listField, emailField],
    perform,
    sample: { id: 884213, email: 'petra.novakova@example.cz', list_id: 7, status: 2, unsubscribed_at: '2026-06-20T08:30:00.000Z' },
    outputFields: [
      { key: 'id', label: 'Contact ID', type: 'integer' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'list_id', label: 'List ID', type: 'integer' },
      { key: 'status', label: 'Status Code', type: 'integer' },
      { key: 'unsubscribed_at', label: 'Unsubscribed At', type: 'datetime' },
    ],
  },
});
