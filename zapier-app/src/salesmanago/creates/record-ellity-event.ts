/**
 * Record Ellity Event in SALESmanago: an Ellity webhook caught by any webhook step and mapped here
 * goes through the core's parser and Ellity job (`recordEllityEvents`), as in the Ecomail app: the
 * ellity_* values of an existing contact first (as properties), then the change as an OTHER
 * external event (docs/salesmanago.md §6.3). Only existing contacts: nobody is created or opted in.
 */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { ellityEventOutputFields, ellityEventRecord, ellityEventSample } from '../../ellity/event-record';
import { ellityFields, recordMappedEllityEvent } from '../../ellity/mapped-event';
import { salesManagoFor } from '../connection';
import { NO_TARGET, contactLock } from '../fields';

async function perform(z: ZObject, bundle: Bundle) {
  const { event, recorded } = await recordMappedEllityEvent(z, bundle.inputData, salesManagoFor(z, bundle), NO_TARGET);
  return {
    ...ellityEventRecord(event),
    event_label: recorded.label,
    event_id: recorded.event?.id === undefined ? null : String(recorded.event.id),
    properties: recorded.customFields,
  };
}

export default defineCreate({
  key: 'record_ellity_event',
  noun: 'Loyalty Event',
  display: {
    label: 'Record Ellity Event',
    description: 'Updates the ellity_* properties of an existing SALESmanago contact and records the Ellity change as an external event.',
  },
  operation: {
    lock: contactLock,
    inputFields: [
      ...ellityFields.map((field) =>
        field.key === 'email'
          ? { ...field, helpText: 'Ellity variable `#customer.email#`. Customers who are not SALESmanago contacts are skipped: a loyalty event never creates or opts in anybody.' }
          : field,
      ),
    ],
    perform,
    sample: {
      ...ellityEventSample,
      event_label: 'credit',
      event_id: '6a1d3c9e-0b7f-4e52-9d1a-3f8c2b7e4a10',
      properties: { ellity_credit: '250', ellity_credit_num: '250', ellity_last_change_value: '50' },
    },
    outputFields: [
      ...ellityEventOutputFields,
      { key: 'event_label', label: 'Event Label', type: 'string' },
      { key: 'event_id', label: 'SALESmanago Event ID', type: 'string' },
    ],
  },
});
