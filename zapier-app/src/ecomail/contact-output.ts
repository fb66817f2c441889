/**
 * The contact record every contact operation returns (create, search, tags, GoOut buyer), so
 * search-or-create and later steps see one shape. Dates are ISO 8601 with zone.
 */
import { SubscriberStatus, type ListSubscriber } from '@ecomail-bridge/shared';
import type { PlainOutputField } from 'zapier-platform-core';
import { isoDateTime } from '../platform/dates';
import { integerOrNull } from '../platform/ids';

export type ContactOutput = {
  /** Ecomail's contact id; null when Ecomail did not say (never the e-mail: the field is an integer). */
  id: number | null;
  email: string;
  list_id: number | null;
  name: string | null;
  surname: string | null;
  status: number | null;
  status_name: string | null;
  subscribed_at: string | null;
  tags: string[];
  custom_fields: Record<string, unknown>;
};

const STATUS_NAMES = new Map<number, string>(Object.entries(SubscriberStatus).map(([name, code]) => [code, name]));

export function contactOutput(member: ListSubscriber, listId?: number | string): ContactOutput {
  const status = typeof member.status === 'number' ? member.status : member.status ? Number(member.status) : null;
  const list = member.list_id ?? (listId !== undefined ? Number(listId) : null);
  return {
    id: integerOrNull(member.id),
    email: member.email,
    list_id: list === null || Number.isNaN(list) ? null : list,
    name: member.name ?? null,
    surname: member.surname ?? null,
    status,
    status_name: status === null ? null : (STATUS_NAMES.get(status) ?? null),
    subscribed_at: isoDateTime(member.subscribed_at),
    tags: Array.isArray(member.tags) ? member.tags : [],
    custom_fields: (member.custom_fields as Record<string, unknown> | undefined) ?? {},
  };
}

export const contactOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Contact ID', type: 'integer' },
  { key: 'email', label: 'Email', type: 'string' },
  { key: 'list_id', label: 'List ID', type: 'integer' },
  { key: 'name', label: 'First Name', type: 'string' },
  { key: 'surname', label: 'Last Name', type: 'string' },
  { key: 'status', label: 'Status Code', type: 'integer' },
  { key: 'status_name', label: 'Status', type: 'string' },
  { key: 'subscribed_at', label: 'Subscribed At', type: 'datetime' },
  { key: 'tags', label: 'Tags', type: 'string', list: true },
];

export const contactSample: ContactOutput = {
  id: 884213,
  email: 'petra.novakova@example.cz',
  list_id: 7,
  name: 'Petra',
  surname: 'Nováková',
  status: 1,
  status_name: 'subscribed',
  subscribed_at: '2026-06-14T16:02:11.000Z',
  tags: ['GoOut', 'GoOut_cs'],
  custom_fields: { goout_last_event: 'Jazz na Špilberku' },
};
