/**
 * New Purchase (polling). Every poll returns the newest purchases (at most POLL_LIMIT, newest first)
 * read from the core's GoOutPurchaseSource, and keeps no state: Zapier deduplicates polling results
 * by `id` (the purchase id) separately for each Zap, so any number of Zaps on one connection each
 * see every new purchase once. A sample is the newest few purchases.
 */
import { GoOutPurchaseSource } from '@ecomail-bridge/shared';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { text } from '../../platform/input';
import { newestPurchases } from '../newest-purchases';
import { purchaseOutputFields, purchaseRecord, purchaseSample } from '../purchase-record';
import { withGoOutClient } from '../run-client';

/**
 * More than arrive between two polls of a busy organizer (polls run every 1–15 minutes): a
 * purchase older than the newest POLL_LIMIT when a poll runs is never seen by the Zap.
 */
export const POLL_LIMIT = 100;
const SAMPLE_LIMIT = 3;

async function perform(z: ZObject, bundle: Bundle) {
  const organizerId = text(bundle.inputData.organizerId);
  const limit = bundle.meta?.isLoadingSample ? SAMPLE_LIMIT : POLL_LIMIT;
  const purchases = await withGoOutClient(z, bundle, (client) =>
    newestPurchases(new GoOutPurchaseSource(client).purchases({ organizerId, includeSeen: true }), limit),
  );
  return purchases.map(purchaseRecord);
}

export default defineTrigger({
  key: 'new_purchase',
  noun: 'Purchase',
  display: {
    label: 'New Purchase',
    description: 'Triggers when a buyer completes a ticket purchase for your events.',
  },
  operation: {
    type: 'polling',
    inputFields: [
      {
        key: 'organizerId',
        label: 'Organizer',
        type: 'string',
        required: false,
        dynamic: 'organizer.id.name',
        helpText: 'Only when your GoOut login manages several organizers: pick the one whose purchases you want. Leave empty for all.',
      },
    ],
    perform,
    sample: purchaseSample,
    outputFields: purchaseOutputFields,
  },
});
