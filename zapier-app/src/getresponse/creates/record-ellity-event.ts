/**
 * Record Ellity Event in a GetResponse list: an Ellity webhook caught by any webhook step and
 * mapped here goes through the core's parser and Ellity job (`recordEllityEvents`), as in the
 * Ecomail app: the ellity_* custom fields of a contact already in the list. GetResponse keeps no
 * events (docs/getresponse.md §8), so the fields are the record; nobody is ever added to the list.
 */
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { ellityEventOutputFields, ellityEventRecord, ellityEventSample } from '../../ellity/event-record';
import { ellityFields, recordMappedEllityEvent } from '../../ellity/mapped-event';
import { requiredText } from '../../platform/input';
import { getResponseFor } from '../connection';
import { campaignField, contactLock } from '../fields';

async function perform(z: ZObject, bundle: Bundle) {
  const campaignId = requiredText(bundle.inputData.campaignId, 'List');
  const { event, recorded } = await recordMappedEllityEvent(z, bundle.inputData, getResponseFor(z, bundle), campaignId);
  return { ...ellityEventRecord(event), list_id: campaignId, custom_fields: recorded.customFields };
}

export default defineCreate({
  key: 'record_ellity_event',
  noun: 'Loyalty Event',
  display: {
    label: 'Record Ellity Event',
    description: 'Updates the ellity_* custom fields of a contact in a GetResponse list from an Ellity loyalty change.',
  },
  operation: {
    lock: contactLock,
    inputFields: [
      { ...campaignField, helpText: 'The list whose contacts get the ellity_* custom fields. Customers who are not in it are skipped: a loyalty event never adds anybody to a list.' },
      ...ellityFields,
    ],
    perform,
    sample: { ...ellityEventSample, list_id: 'V8aBc', custom_fields: { ellity_credit: '250', ellity_credit_num: 250, ellity_last_change_value: '50' } },
    outputFields: [...ellityEventOutputFields, { key: 'list_id', label: 'List ID', type: 'string' }],
  },
});
