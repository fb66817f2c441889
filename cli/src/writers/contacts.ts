import { saveContacts, type SaveContactsOptions, type SubscriberData } from '@ecomail-bridge/shared/node';
import { previewRows, sendingTo, type BatchWriter, type WriteTarget } from '../batch-writer';

/** Contact rows (already mapped by the core) through the core's save-contacts job. */
export function contactWriter(to: WriteTarget, options: SaveContactsOptions): BatchWriter<SubscriberData> {
  return {
    write: async (rows) => {
      const saved = await saveContacts(sendingTo(to), to.target, rows, options);
      return { outcomes: saved.outcomes.map((contact) => ({ contact })), inserted: saved.inserted };
    },
    preview: (rows) => previewRows(rows, to.validator),
  };
}
