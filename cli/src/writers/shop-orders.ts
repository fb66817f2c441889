import { shopContactRows, syncShopOrders, type EcomailClient, type ShopRecord, type SyncShopOptions } from '@ecomail-bridge/shared/node';
import { previewRows, type BatchResult, type BatchWriter } from '../batch-writer';

/** Shop records through the core's shop job: consent mode, contacts, then orders. */
export function shopOrderWriter(client: EcomailClient | undefined, listId: string, options: SyncShopOptions): BatchWriter<ShopRecord> {
  return {
    write: (records) => {
      if (!client) throw new Error('a dry run sends nothing');
      return syncShopOrders(client, listId, records, options);
    },
    preview: (records): BatchResult => {
      // The core's own plan: who the consent mode sends, and as which row.
      const plan = shopContactRows(records, options);
      const rows = previewRows(plan.rows);
      const outcomes = plan.skipped.map((contact) => ({ contact }));
      plan.sent.forEach((index, i) => {
        const { contact } = rows.outcomes[i];
        outcomes[index] = { contact: contact.duplicateOf === undefined ? contact : { ...contact, duplicateOf: plan.sent[contact.duplicateOf] } };
      });
      return { outcomes, inserted: 0 };
    },
  };
}
