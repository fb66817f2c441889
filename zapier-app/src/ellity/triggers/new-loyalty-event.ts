/**
 * New Loyalty Event (Instant). Ellity pushes events only through a webhook URL the merchant types
 * into its console and offers no API to register one, so this is a static hook: Zapier shows the
 * Zap's own URL and the merchant pastes it into Ellity with our JSON body. Zapier does not allow
 * static hooks in public apps (checks D016/D017), so this trigger lives in a private app; the
 * public path is any webhook step + Ecomail's "Record Ellity Event".
 */
import {
  ELLITY_TRIGGERS,
  EllityPayloadError,
  ellityWebhookTemplate,
  parseEllityWebhook,
  type EllityEvent,
  type EllityTrigger,
} from '@ecomail-bridge/shared';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { text } from '../../platform/input';
import { ELLITY_TYPE_LABELS, ellityEventOutputFields, ellityEventRecord, ellityEventSample } from '../event-record';
import { ellityPayloadMessage } from '../payload-message';

function wantedType(bundle: Bundle): EllityTrigger | undefined {
  const type = text(bundle.inputData.eventType);
  return ELLITY_TRIGGERS.find((trigger) => trigger === type);
}

/** Ellity's call as Zapier caught it: JSON body (any content type), plus query parameters. */
async function perform(z: ZObject, bundle: Bundle) {
  const request = (bundle.cleanedRequest ?? {}) as Record<string, unknown>;
  const { querystring, ...body } = request;
  let event: EllityEvent;
  try {
    event = parseEllityWebhook(Object.keys(body).length ? body : (bundle.rawRequest as { content?: string } | undefined)?.content, querystring as Record<string, unknown> | undefined);
  } catch (error) {
    if (error instanceof EllityPayloadError) throw new z.errors.HaltedError(ellityPayloadMessage(error, SETUP_HINT));
    throw error;
  }
  const wanted = wantedType(bundle);
  return wanted && event.type !== wanted ? [] : [ellityEventRecord(event)];
}

/** Ellity keeps no event history we could read: the sample is a typical event of the chosen type. */
async function performList(_z: ZObject, bundle: Bundle) {
  const type = wantedType(bundle) ?? 'credit_changed';
  return [{ ...ellityEventSample, id: ellityEventSample.id.replace('credit_changed', type), type }];
}

/**
 * One webhook per event type, each with its own body: only that body carries the type's own
 * variables. One copy field per type, as Zapier allows 1,000 characters of help per field.
 */
const setupFields = [
  {
    key: 'setup',
    label: 'Set Up Ellity',
    type: 'copy' as const,
    helpText:
      'In Ellity open **Settings → Integration → Webhooks** and add one webhook for each event type you want: paste this Zap’s URL as the target and that type’s JSON body from below.',
  },
  ...ELLITY_TRIGGERS.map((trigger) => ({
    key: `setup_${trigger}`,
    label: `Body for ${ELLITY_TYPE_LABELS[trigger] ?? trigger}`,
    type: 'copy' as const,
    helpText: ['```json', ellityWebhookTemplate(trigger), '```'].join('\n'),
  })),
];

const SETUP_HINT = 'Copy the JSON body for this event type again from this trigger’s “Set Up Ellity” text into Ellity (Settings → Integration → Webhooks).';

export default defineTrigger({
  key: 'new_loyalty_event',
  noun: 'Loyalty Event',
  display: {
    label: 'New Loyalty Event',
    description: 'Triggers when a customer’s points change, points are about to expire, a PIN changes or a tier changes.',
  },
  operation: {
    type: 'hook',
    inputFields: [
      ...setupFields,
      {
        key: 'eventType',
        label: 'Event Type',
        type: 'string',
        required: false,
        choices: ELLITY_TRIGGERS.map((trigger) => ({ value: trigger, label: ELLITY_TYPE_LABELS[trigger] ?? trigger, sample: trigger })),
        helpText: 'Leave empty to trigger on every event type sent to this Zap’s URL.',
      },
    ],
    perform,
    performList,
    sample: ellityEventSample,
    outputFields: ellityEventOutputFields,
  },
});
