/**
 * An Ellity webhook caught by any webhook step and mapped field by field into a "Record Ellity
 * Event" action (in every destination app): the input fields, the core's lenient parser over them,
 * and the per-connection memory that halts a repeated delivery. Ellity cannot register webhooks by
 * API, so this is the publishable path for Ellity data (docs/zapier-platform.md §4.2).
 */
import {
  ELLITY_TRIGGERS,
  ELLITY_WEBHOOK_SCHEMA,
  EllityPayloadError,
  ellityDedupeKey,
  parseEllityWebhook,
  recordEllityEvents,
  type DestinationInput,
  type EllityEvent,
  type EllityOutcome,
} from '@ecomail-bridge/shared';
import type { PlainInputField, ZObject } from 'zapier-platform-core';
import { connectionCache } from '../platform/scoped-cache';
import { zapierWording } from '../platform/wording';
import { ELLITY_TYPE_LABELS } from './event-record';
import { ellityPayloadMessage } from './payload-message';

export const ellityFields = [
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

/** The event the user mapped; no usable customer e-mail → HaltedError (nothing to record, not worth pausing the Zap). */
function ellityEventFromInput(z: ZObject, input: Record<string, unknown>): EllityEvent {
  try {
    return parseEllityWebhook(webhookBody(input));
  } catch (error) {
    if (error instanceof EllityPayloadError) throw new z.errors.HaltedError(ellityPayloadMessage(error, 'Map the customer email of the caught Ellity webhook into “Customer Email”.'));
    throw error;
  }
}

/** Matches the window of the core's dedupe key (one minute) with a margin. */
const REPEAT_WINDOW_SECONDS = 120;

/**
 * Ellity may deliver one change twice, in separate runs: z.cache is the platform's memory between
 * runs, keyed by the core's dedupe key. Call `check` before recording (a repeat halts) and
 * `remember` only once recorded, so a failed run can still be replayed. The action's lock on the
 * e-mail makes check-then-record atomic.
 */
function repeatedDeliveryGuard(z: ZObject, event: EllityEvent) {
  const seen = connectionCache(z);
  const key = `ellity-recorded:${ellityDedupeKey(event)}`;
  return {
    check: async (): Promise<void> => {
      if (await seen.get(key)) throw new z.errors.HaltedError('This Ellity change was recorded moments ago (a repeated delivery).');
    },
    remember: (): Promise<void> => seen.set(key, true, REPEAT_WINDOW_SECONDS),
  };
}

/**
 * The recorded outcome of the core's `recordEllityEvents`, or the step's end: a customer who is not
 * a member halts (a loyalty event never subscribes anybody), a refused row is an input error, and a
 * failure is thrown as the core gave it.
 */
function recordedOrThrow(z: ZObject, outcome: EllityOutcome): Extract<EllityOutcome, { status: 'recorded' }> {
  if (outcome.status === 'failed') throw outcome.error;
  if (outcome.status === 'skipped') throw new z.errors.HaltedError(zapierWording(`${outcome.email} was not recorded: ${outcome.reason}.`));
  if (outcome.status === 'rejected') throw new z.errors.Error(zapierWording(outcome.reason), 'InvalidInput', 400);
  return outcome;
}

/**
 * The whole of a Record Ellity Event action after its inputs: the mapped event, a repeated
 * delivery halted, the core's Ellity job into `to` (list or campaign `target`), the outcome read.
 */
export async function recordMappedEllityEvent(z: ZObject, input: Record<string, unknown>, to: DestinationInput, target: string) {
  const event = ellityEventFromInput(z, input);
  const repeat = repeatedDeliveryGuard(z, event);
  await repeat.check();
  const [outcome] = await recordEllityEvents(to, target, [event]);
  const recorded = recordedOrThrow(z, outcome);
  await repeat.remember();
  return { event, recorded };
}
