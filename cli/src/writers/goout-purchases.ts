import {
  previewGoOutPurchases,
  syncGoOutPurchases,
  type EcomailClient,
  type GoOutPurchase,
  type SyncGoOutOptions,
} from '@ecomail-bridge/shared/node';
import type { BatchWriter } from '../batch-writer';

/** GoOut purchases through the core's GoOut job: contacts, then their orders (bulk or one by one, as the job decides). */
export function goOutPurchaseWriter(client: EcomailClient | undefined, listId: string, options: SyncGoOutOptions): BatchWriter<GoOutPurchase> {
  return {
    write: (purchases) => {
      if (!client) throw new Error('a dry run sends nothing');
      return syncGoOutPurchases(client, listId, purchases, options);
    },
    preview: (purchases) => ({ outcomes: previewGoOutPurchases(purchases, options), inserted: 0 }),
  };
}
