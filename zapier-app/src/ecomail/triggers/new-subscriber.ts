/**
 * New Subscriber on List (polling). Ecomail's member listing has no documented sort order or date
 * filter (docs/ecomail-api.md §2), so each poll reads the first and the last page (newest members sit on
 * one of them whichever way the list is sorted), keeps subscribed members, and returns them newest
 * first. Zapier dedupes by `id` = e-mail + subscription time, so a contact who leaves and joins
 * again triggers again.
 */
import { SubscriberStatus, type ListSubscriber } from '@ecomail-bridge/shared';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { isoDateTime } from '../../platform/dates';
import { requiredText } from '../../platform/input';
import { ecomailClient } from '../client';
import { listField } from '../fields';

const PAGE_SIZE = 100;

async function perform(z: ZObject, bundle: Bundle) {
  const listId = requiredText(bundle.inputData.listId, 'List');
  const client = ecomailClient(z, bundle);
  const first = await client.listSubscribers(listId, { page: 1, perPage: PAGE_SIZE });
  const last = first.lastPage > 1 ? await client.listSubscribers(listId, { page: first.lastPage, perPage: PAGE_SIZE }) : { data: [] };
  const members = [...first.data, ...last.data];
  return members
    .filter((member) => member.status === SubscriberStatus.subscribed && member.email)
    .map((member) => subscriberRecord(member, listId))
    .sort((a, b) => (b.subscribed_at ?? '').localeCompare(a.subscribed_at ?? ''))
    .slice(0, PAGE_SIZE);
}

function subscriberRecord(member: ListSubscriber, listId: string) {
  const subscribedAt = isoDateTime(member.subscribed_at);
  return {
    id: `${member.email}|${subscribedAt ?? ''}`,
    contact_id: member.id ?? null,
    email: member.email,
    name: member.name ?? null,
    surname: member.surname ?? null,
    list_id: member.list_id ?? Number(listId),
    subscribed_at: subscribedAt,
    custom_fields: (member.custom_fields as Record<string, unknown> | undefined) ?? {},
  };
}

export default defineTrigger({
  key: 'new_subscriber',
  noun: 'Subscriber',
  display: {
    label: 'New Subscriber on List',
    description: 'Triggers when a contact subscribes to the chosen list.',
  },
  operation: {
    type: 'polling',
    inputFields: [listField],
    perform,
    sample: {
      id: 'petra.novakova@example.cz|2026-06-14T16:02:11.000Z',
      contact_id: 884213,
      email: 'petra.novakova@example.cz',
      name: 'Petra',
      surname: 'Nováková',
      list_id: 7,
      subscribed_at: '2026-06-14T16:02:11.000Z',
      custom_fields: { goout_last_event: 'Jazz na Špilberku' },
    },
    outputFields: [
      { key: 'id', label: 'Subscription ID', type: 'string' },
      { key: 'contact_id', label: 'Contact ID', type: 'integer' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'name', label: 'First Name', type: 'string' },
      { key: 'surname', label: 'Last Name', type: 'string' },
      { key: 'list_id', label: 'List ID', type: 'integer' },
      { key: 'subscribed_at', label: 'Subscribed At', type: 'datetime' },
    ],
  },
});
