/**
 * New Purchase (polling). Purchases come from the core's GoOutPurchaseSource, which walks the
 * organiser's sales and remembers finished sales and emitted purchases in a cursor; the cursor
 * lives in z.cache (per connection), so each poll reads only what is new. Zapier dedupes on
 * `id` = purchase id on top of that. Loading a sample reads a few purchases and leaves the cursor
 * alone.
 */
import { GoOutClient, GoOutPurchaseSource, type GoOutPurchase, type StateStore } from '@ecomail-bridge/shared';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { text } from '../../platform/input';
import { ZAPIER_RETRY } from '../../platform/retry';
import { zapierSleep } from '../../platform/sleep';
import { createZapierTransport } from '../../platform/zapier-transport';
import { withGoOutErrors } from '../errors';
import { purchaseOutputFields, purchaseRecord, purchaseSample } from '../purchase-record';
import { baseUrlOf, runTokenManager } from '../session';
import { connectionCache } from '../../platform/scoped-cache';

/** Per poll; the first poll of a new Zap (dedupe seeding) may walk further. */
const POLL_LIMIT = 100;
const SEEDING_LIMIT = 2_000;
const SAMPLE_LIMIT = 3;

/** z.cache as the core's StateStore, scoped to this connection. */
function zCacheStore(z: ZObject): StateStore {
  const cache = connectionCache(z);
  return {
    get: async <T>(key: string) => (await cache.get(key)) as T | undefined,
    set: async <T>(key: string, value: T) => cache.set(key, value),
  };
}

async function perform(z: ZObject, bundle: Bundle) {
  const organizerId = text(bundle.inputData.organizerId);
  const { tokens, refreshWanted } = runTokenManager(bundle);
  const client = new GoOutClient({ baseUrl: baseUrlOf(bundle), transport: createZapierTransport(z), sleep: zapierSleep, tokens, retry: ZAPIER_RETRY });
  const source = new GoOutPurchaseSource(client);
  const sampling = bundle.meta?.isLoadingSample === true;
  const purchases = await withGoOutErrors(
    z,
    async () => {
      const found: GoOutPurchase[] = [];
      const stream = sampling
        ? source.purchases({ organizerId, includeSeen: true, maxPurchases: SAMPLE_LIMIT })
        : source.purchases({
            organizerId,
            state: zCacheStore(z),
            stateKey: `goout.purchases.${organizerId ?? 'all'}`,
            maxPurchases: bundle.meta?.isPopulatingDedupe ? SEEDING_LIMIT : POLL_LIMIT,
          });
      for await (const purchase of stream) found.push(purchase);
      return found;
    },
    refreshWanted,
  );
  return purchases
    .sort((a, b) => Date.parse(b.purchasedAt) - Date.parse(a.purchasedAt))
    .slice(0, POLL_LIMIT)
    .map(purchaseRecord);
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
        label: 'Organizer ID',
        type: 'string',
        required: false,
        helpText: 'Only when your GoOut login manages several organisers: the organiser id shown in the GoOut admin. Leave empty for all.',
      },
    ],
    perform,
    sample: purchaseSample,
    outputFields: purchaseOutputFields,
  },
});
