import { saveContacts, type Destination, type DestinationInput, type SaveContactsOptions, type SubscriberData } from '@ecomail-bridge/shared/node';
import { previewRows, type BatchWriter } from '../batch-writer';

/** Contact rows (already mapped by the core) through the core's save-contacts job. */
export function contactWriter(
  to: DestinationInput | undefined,
  target: string,
  options: SaveContactsOptions,
  validator: Pick<Destination, 'validate'>,
): BatchWriter<SubscriberData> {
  return {
    write: async (rows) => {
      if (!to) throw new Error('a dry run sends nothing');
      const saved = await saveContacts(to, target, rows, options);
      return { outcomes: saved.outcomes.map((contact) => ({ contact })), inserted: saved.inserted };
    },
    preview: (rows) => previewRows(rows, validator),
  };
}
