import { previewShopOrders, syncShopOrders, type ShopRecord, type SyncShopOptions } from '@ecomail-bridge/shared/node';
import { sendingTo, type BatchResult, type BatchWriter, type WriteTarget } from '../batch-writer';

/** Shop records through the core's shop job: consent mode, contacts, then orders. */
export function shopOrderWriter(to: WriteTarget, options: SyncShopOptions): BatchWriter<ShopRecord> {
  return {
    write: (records) => syncShopOrders(sendingTo(to), to.target, records, options),
    preview: (records): BatchResult => ({ outcomes: previewShopOrders(records, options, to.validator), inserted: 0 }),
  };
}
