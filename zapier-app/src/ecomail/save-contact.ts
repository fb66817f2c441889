/**
 * Writes one contact under an import mode and reads it back, for the creates that put a contact
 * into a list (Create or Update Contact, Add GoOut Buyer). The mode is applied by the core's
 * `saveContacts`; "update only" skips e-mails that are not list members with a HaltedError,
 * which tells the user without counting as a failed run.
 */
import { EcomailValidationError, normalizeEmail, saveContacts, type EcomailClient, type ImportMode, type SubscribeChoices, type SubscriberData } from '@ecomail-bridge/shared';
import type { ZObject } from 'zapier-platform-core';
import { contactOutput, type ContactOutput } from './contact-output';
import { withEcomailErrors } from './errors';

export type SavedContact = ContactOutput & {
  already_subscribed: boolean;
  import_mode: ImportMode;
};

export async function saveContact(
  z: ZObject,
  client: EcomailClient,
  listId: string,
  subscriber: SubscriberData,
  mode: ImportMode,
  subscribe: SubscribeChoices = {},
): Promise<SavedContact> {
  return withEcomailErrors(z, async () => {
    // Tags the contact already has are kept: Ecomail would otherwise replace the whole set.
    const {
      outcomes: [outcome],
    } = await saveContacts(client, listId, [subscriber], { mode, subscribe });
    if (outcome.status === 'skipped') {
      throw new z.errors.HaltedError(`${subscriber.email} is not in this list; "Only update existing" leaves it out.`);
    }
    if (outcome.status === 'failed') throw outcome.error;
    if (outcome.status === 'rejected') throw new EcomailValidationError(outcome.reason);
    const member = await client.getListContact(listId, subscriber.email);
    const saved = member ?? { email: normalizeEmail(subscriber.email), name: subscriber.name, surname: subscriber.surname, tags: subscriber.tags };
    return { ...contactOutput(saved, listId), already_subscribed: outcome.alreadySubscribed === true, import_mode: mode };
  });
}
