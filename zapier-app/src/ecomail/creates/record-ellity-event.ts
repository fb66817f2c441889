/**
 * Record Ellity Event: the publishable path for Ellity data. Ellity cannot register webhooks by
 * API, so a public app cannot own an Instant Ellity trigger; instead the user catches Ellity's
 * webhook with any webhook step (e.g. Webhooks by Zapier) and maps its fields here. The fields go
 * through the core's lenient parser and the core's Ellity job (`recordEllityEvents`: ellity_* custom
 * fields of list members first, then the `ellity` / `change` event; nobody is ever subscribed),
 * exactly as the n8n node and the CLI do.
 */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { requiredText } from '../../platform/input';
import { ellityEventOutputFields, ellityEventRecord, ellityEventSample } from '../../ellity/event-record';
import { ellityFields, recordMappedEllityEvent } from '../../ellity/mapped-event';
import { ecomailClient } from '../client';
import { listField } from '../fields';
import { contactLock } from '../contact-lock';
import { integerOrNull } from '../../platform/ids';

async function perform(z: ZObject, bundle: Bundle) {
  const listId = requiredText(bundle.inputData.listId, 'List');
  const { event, recorded } = await recordMappedEllityEvent(z, bundle.inputData, ecomailClient(z, bundle), listId);
  return {
    ...ellityEventRecord(event),
    event_label: recorded.label,
    event_id: integerOrNull(recorded.event?.id),
    custom_fields: recorded.customFields,
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
