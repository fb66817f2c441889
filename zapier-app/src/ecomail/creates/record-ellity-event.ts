/**
 * Record Ellity Event: the publishable path for Ellity data. Ellity cannot register webhooks by
 * API, so a public app cannot own an Instant Ellity trigger; instead the user catches Ellity's
 * webhook with any webhook step (e.g. Webhooks by Zapier) and maps its fields here. The fields go
 * through the core's lenient parser and Ellity's native Ecomail convention (ellity_* custom fields
 * first, then the `ellity` / `change` event) exactly as the n8n node and the CLI do.
 */
import {
  ELLITY_TRIGGERS,
  ELLITY_WEBHOOK_SCHEMA,
  EllityPayloadError,
  ellityDedupeKey,
  mapEllityEvent,
  parseEllityWebhook,
  type EllityEvent,
} from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { requiredText } from '../../platform/input';
import { ELLITY_TYPE_LABELS, ellityEventOutputFields, ellityEventRecord, ellityEventSample } from '../../ellity/event-record';
import { ecomailClient } from '../client';
import { withEcomailErrors } from '../errors';
import { listField } from '../fields';
import { importModeField, importModeOf } from '../import-mode-field';
import { saveContact } from '../save-contact';
import { contactLock } from '../contact-lock';
import { connectionCache } from '../../platform/scoped-cache';

const ellityFields = [
  {
    key: 'type',
    label: 'Event Type',
    type: 'string',
    required: true,
    choices: ELLITY_TRIGGERS.map((trigger) => ({ value: trigger, label: ELLITY_TYPE_LABELS[trigger] ?? trigger, sample: trigger })),
    helpText: 'Which Ellity webhook this is (the `trigger` value of its body).',
  },
  { key: 'email', label: 'Customer Email', type: 'string', required: true, helpText: 'Ellity variable `#customer.email#`.' },
  { key: 'credit', label: 'Points Balance', type: 'string', required: false, helpText: 'Ellity variable `#customer.credit#`; comma decimals and spaces are accepted.' },
  { key: 'creditChange', label: 'Points Change', type: 'string', required: false, helpText: 'Ellity variable `#creditChange.value#`.' },
  { key: 'customerId', label: 'Customer ID', type: 'string', required: false },
  { key: 'eshopId', label: 'E-shop ID', type: 'string', required: false },
  { key: 'tierId', label: 'Tier ID', type: 'string', required: false },
  { key: 'tierName', label: 'Tier', type: 'string', required: false },
  { key: 'groupId', label: 'Group ID', type: 'string', required: false },
  { key: 'groupName', label: 'Group', type: 'string', required: false },
  { key: 'pin', label: 'PIN', type: 'string', required: false },
  { key: 'nextExpirationDate', label: 'Next Expiration Date', type: 'string', required: false },
  { key: 'nextExpirationValue', label: 'Points Expiring Next', type: 'string', required: false },
] satisfies PlainInputField[];

/** The mapped fields in the shape of our Ellity webhook template, for the core's parser. */
function webhookBody(input: Record<string, unknown>) {
  return {
    schema: ELLITY_WEBHOOK_SCHEMA,
    trigger: input.type,
    eshopId: input.eshopId,
    customer: {
      id: input.customerId,
      email: input.email,
      credit: input.credit,
      groupId: input.groupId,
      groupName: input.groupName,
      tierId: input.tierId,
      tierName: input.tierName,
      pin: input.pin,
      nextExpirationDate: input.nextExpirationDate,
      nextExpirationValue: input.nextExpirationValue,
    },
    creditChange: { value: input.creditChange },
  };
}

/** Matches the window of the core's dedupe key (one minute) with a margin. */
const REPEAT_WINDOW_SECONDS = 120;

async function perform(z: ZObject, bundle: Bundle) {
  const listId = requiredText(bundle.inputData.listId, 'List');
  let event: EllityEvent;
  try {
    event = parseEllityWebhook(webhookBody(bundle.inputData));
  } catch (error) {
    // No usable customer e-mail: nothing to record, and not worth pausing the Zap over.
    if (error instanceof EllityPayloadError) throw new z.errors.HaltedError(error.message);
    throw error;
  }
  // Ellity may deliver one change twice; the contact lock makes this check-then-record atomic.
  const seen = connectionCache(z);
  const seenKey = `ellity-recorded:${ellityDedupeKey(event)}`;
  if (await seen.get(seenKey)) throw new z.errors.HaltedError('This Ellity change was recorded moments ago (a repeated delivery).');
  const mapping = mapEllityEvent(event);
  const client = ecomailClient(z, bundle);
  // Fields first: Ellity's e-mails read the ellity_* fields, not the event (ellity.md §3).
  const contact = await saveContact(z, client, listId, mapping.subscriber, importModeOf(bundle.inputData.importMode));
  const tracked = mapping.event ? await withEcomailErrors(z, () => client.trackEvent(mapping.event!)) : null;
  // Remembered only once recorded, so a failed run can still be replayed.
  await seen.set(seenKey, true, REPEAT_WINDOW_SECONDS);
  return {
    ...ellityEventRecord(event),
    contact_id: contact.id,
    event_label: mapping.event?.label ?? null,
    event_id: tracked?.id ?? null,
    custom_fields: mapping.customFields,
  };
}

export default defineCreate({
  key: 'record_ellity_event',
  noun: 'Loyalty Event',
  display: {
    label: 'Record Ellity Event',
    description: 'Creates an Ellity loyalty event on a contact and updates its ellity_* fields, as Ellity’s own Ecomail integration does.',
  },
  operation: {
    lock: contactLock,
    inputFields: [
      { ...listField, helpText: 'The list whose ellity_* custom fields are updated.' },
      { ...importModeField, default: 'update-only' },
      ...ellityFields,
    ],
    perform,
    sample: {
      ...ellityEventSample,
      contact_id: 884213,
      event_label: 'credit',
      event_id: 51290,
      custom_fields: { ellity_credit: '250', ellity_credit_num: 250, ellity_last_change_value: '50' },
    },
    outputFields: [
      ...ellityEventOutputFields,
      { key: 'contact_id', label: 'Contact ID', type: 'integer' },
      { key: 'event_label', label: 'Ecomail Event Label', type: 'string' },
      { key: 'event_id', label: 'Ecomail Event ID', type: 'integer' },
    ],
  },
});
