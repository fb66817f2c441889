import {
  previewGoOutPurchases,
  syncGoOutPurchases,
  type Destination,
  type DestinationInput,
  type GoOutPurchase,
  type SyncGoOutOptions,
} from '@ecomail-bridge/shared/node';
import type { BatchWriter } from '../batch-writer';

/** GoOut purchases through the core's GoOut job: contacts, then their orders (bulk or one by one, as the job decides). */
export function goOutPurchaseWriter(
  to: DestinationInput | undefined,
  target: string,
  options: SyncGoOutOptions,
  validator: Pick<Destination, 'validate'>,
): BatchWriter<GoOutPurchase> {
  return {
    write: (purchases) => {
      if (!to) throw new Error('a dry run sends nothing');
      return syncGoOutPurchases(to, target, purchases, options);
    },
    preview: (purchases) => ({ outcomes: previewGoOutPurchases(purchases, options, validator), inserted: 0 }),
  };
}
