import { previewShopOrders, syncShopOrders, type EcomailClient, type ShopRecord, type SyncShopOptions } from '@ecomail-bridge/shared/node';
import type { BatchResult, BatchWriter } from '../batch-writer';

/** Shop records through the core's shop job: consent mode, contacts, then orders. */
export function shopOrderWriter(client: EcomailClient | undefined, listId: string, options: SyncShopOptions): BatchWriter<ShopRecord> {
  return {
    write: (records) => {
      if (!client) throw new Error('a dry run sends nothing');
      return syncShopOrders(client, listId, records, options);
    },
    preview: (records): BatchResult => ({ outcomes: previewShopOrders(records, options), inserted: 0 }),
  };
}
