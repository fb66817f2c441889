import { saveContacts, type EcomailClient, type SaveContactsOptions, type SubscriberData } from '@ecomail-bridge/shared/node';
import { previewRows, type BatchWriter } from '../batch-writer';

/** Contact rows (already mapped by the core) through the core's save-contacts job. */
export function contactWriter(client: EcomailClient | undefined, listId: string, options: SaveContactsOptions): BatchWriter<SubscriberData> {
  return {
    write: async (rows) => {
      if (!client) throw new Error('a dry run sends nothing');
      const saved = await saveContacts(client, listId, rows, options);
      return { outcomes: saved.outcomes.map((contact) => ({ contact })), inserted: saved.inserted };
    },
    preview: (rows) => previewRows(rows),
  };
}
