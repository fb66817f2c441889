import { previewGoOutPurchases, syncGoOutPurchases, type GoOutPurchase, type SyncGoOutOptions } from '@ecomail-bridge/shared/node';
import { sendingTo, type BatchWriter, type WriteTarget } from '../batch-writer';

/** GoOut purchases through the core's GoOut job: contacts, then their orders (bulk or one by one, as the job decides). */
export function goOutPurchaseWriter(to: WriteTarget, options: SyncGoOutOptions): BatchWriter<GoOutPurchase> {
  return {
    write: (purchases) => syncGoOutPurchases(sendingTo(to), to.target, purchases, options),
    preview: (purchases) => ({ outcomes: previewGoOutPurchases(purchases, options, to.validator), inserted: 0 }),
  };
}
