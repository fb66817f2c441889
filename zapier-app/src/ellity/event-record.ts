/**
 * The flat record Zapier shows for one Ellity loyalty event (the core's normalised `EllityEvent`),
 * shared by the Ellity trigger and Ecomail's "Record Ellity Event" so both speak the same fields.
 */
import { ellityDedupeKey, type EllityEvent } from '@ecomail-bridge/shared';
import type { PlainOutputField } from 'zapier-platform-core';

export function ellityEventRecord(event: EllityEvent) {
  return {
    id: ellityDedupeKey(event),
    type: event.type,
    occurred_at: event.occurredAt,
    email: event.email,
    customer_id: event.customerId,
    eshop_id: event.eshopId,
    credit: event.credit,
    delta: event.delta,
    tier_id: event.tier?.id ?? null,
    tier_name: event.tier?.name ?? null,
    group_id: event.group?.id ?? null,
    group_name: event.group?.name ?? null,
    pin: event.pin,
    next_expiration_date: event.nextExpiration.date,
    next_expiration_value: event.nextExpiration.value,
    degraded: event.degraded,
  };
}

export type EllityEventRecord = ReturnType<typeof ellityEventRecord>;

export const ellityEventSample: EllityEventRecord = {
  id: 'jana@example.cz|credit_changed|250|29661840',
  type: 'credit_changed',
  occurred_at: '2026-05-24T09:12:00.000Z',
  email: 'jana@example.cz',
  customer_id: '55821',
  eshop_id: '1043',
  credit: 250,
  delta: 50,
  tier_id: '3',
  tier_name: 'Gold',
  group_id: '12',
  group_name: 'Stálí zákazníci',
  pin: null,
  next_expiration_date: '2026-12-31',
  next_expiration_value: 40,
  degraded: false,
};

export const ellityEventOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Event Key', type: 'string' },
  { key: 'type', label: 'Event Type', type: 'string' },
  { key: 'occurred_at', label: 'Received At', type: 'datetime' },
  { key: 'email', label: 'Customer Email', type: 'string' },
  { key: 'customer_id', label: 'Customer ID', type: 'string' },
  { key: 'eshop_id', label: 'E-shop ID', type: 'string' },
  { key: 'credit', label: 'Points Balance', type: 'number' },
  { key: 'delta', label: 'Points Change', type: 'number' },
  { key: 'tier_id', label: 'Tier ID', type: 'string' },
  { key: 'tier_name', label: 'Tier', type: 'string' },
  { key: 'group_id', label: 'Group ID', type: 'string' },
  { key: 'group_name', label: 'Group', type: 'string' },
  { key: 'pin', label: 'PIN', type: 'string' },
  { key: 'next_expiration_date', label: 'Next Expiration Date', type: 'string' },
  { key: 'next_expiration_value', label: 'Points Expiring Next', type: 'number' },
  { key: 'degraded', label: 'Recovered from Broken JSON', type: 'boolean' },
];

/** Human labels for the event types (choices in Zapier). */
export const ELLITY_TYPE_LABELS: Record<string, string> = {
  credit_changed: 'Points balance changed',
  tier_changed: 'Tier changed',
  points_expiring: 'Points expiring',
  pin_changed: 'PIN changed',
};
