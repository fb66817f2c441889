/**
 * Record Ellity Event: the publishable path for Ellity data. Ellity cannot register webhooks by
 * API, so a public app cannot own an Instant Ellity trigger; instead the user catches Ellity's
 * webhook with any webhook step (e.g. Webhooks by Zapier) and maps its fields here. The fields go
 * through the core's lenient parser and the core's Ellity job (`recordEllityEvents`: ellity_* custom
 * fields of list members first, then the `ellity` / `change` event; nobody is ever subscribed),
 * exactly as the n8n node and the CLI do.
 */
import {
  ELLITY_TRIGGERS,
  ELLITY_WEBHOOK_SCHEMA,
  EllityPayloadError,
  ellityDedupeKey,
  parseEllityWebhook,
  recordEllityEvents,
  type EllityEvent,
} from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { requiredText } from '../../platform/input';
import { ELLITY_TYPE_LABELS, ellityEventOutputFields, ellityEventRecord, ellityEventSample } from '../../ellity/event-record';
import { ellityPayloadMessage } from '../../ellity/payload-message';
import { ecomailClient } from '../client';
import { listField } from '../fields';
import { contactLock } from '../contact-lock';
import { integerOrNull } from '../../platform/ids';
import { connectionCache } from '../../platform/scoped-cache';
import { zapierWording } from '../../platform/wording';

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
    if (error instanceof EllityPayloadError) throw new z.errors.HaltedError(ellityPayloadMessage(error, 'Map the customer email of the caught Ellity webhook into “Customer Email”.'));
    throw error;
  }
  // Ellity may deliver one change twice, in separate runs: z.cache is the platform's memory between
  // runs, keyed by the core's dedupe key; the contact lock makes this check-then-record atomic.
  const seen = connectionCache(z);
  const seenKey = `ellity-recorded:${ellityDedupeKey(event)}`;
  if (await seen.get(seenKey)) throw new z.errors.HaltedError('This Ellity change was recorded moments ago (a repeated delivery).');
  const [outcome] = await recordEllityEvents(ecomailClient(z, bundle), listId, [event]);
  if (outcome.status === 'failed') throw outcome.error;
  if (outcome.status === 'skipped') throw new z.errors.HaltedError(zapierWording(`${outcome.email} was not recorded: ${outcome.reason}.`));
  if (outcome.status === 'rejected') throw new z.errors.Error(zapierWording(outcome.reason), 'InvalidInput', 400);
  // Remembered only once recorded, so a failed run can still be replayed.
  await seen.set(seenKey, true, REPEAT_WINDOW_SECONDS);
  return {
    ...ellityEventRecord(event),
    event_label: outcome.label,
    event_id: integerOrNull(outcome.event?.id),
    custom_fields: outcome.customFields,
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
      { ...listField, helpText: 'The list whose members get the ellity_* custom fields. Customers who are not in it are skipped: a loyalty event never subscribes anybody.' },
      ...ellityFields,
    ],
    perform,
    sample: {
      ...ellityEventSample,
      event_label: 'credit',
      event_id: 51290,
      custom_fields: { ellity_credit: '250', ellity_credit_num: 250, ellity_last_change_value: '50' },
    },
    outputFields: [
      ...ellityEventOutputFields,
      { key: 'event_label', label: 'Ecomail Event Label', type: 'string' },
      { key: 'event_id', label: 'Ecomail Event ID', type: 'integer' },
    ],
  },
});
