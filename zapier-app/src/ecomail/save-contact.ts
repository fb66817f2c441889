/**
 * Writes one contact under an import mode and reads it back, for the creates that put a contact
 * into a list (Create or Update Contact, Add GoOut Buyer). The mode's meaning comes from the core
 * (`importModeFlags`); "update only" skips e-mails that are not list members with a HaltedError,
 * which tells the user without counting as a failed run.
 */
import { importModeFlags, normalizeEmail, type EcomailClient, type ImportMode, type SubscriberData, type UpsertOptions } from '@ecomail-bridge/shared';
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
  options: Omit<UpsertOptions, 'updateExisting'> = {},
): Promise<SavedContact> {
  const flags = importModeFlags(mode);
  return withEcomailErrors(z, async () => {
    let alreadySubscribed: boolean;
    if (flags.requiresExistingContact) {
      const existing = await client.getListContact(listId, subscriber.email);
      if (!existing) {
        throw new z.errors.HaltedError(`${subscriber.email} is not in this list; "Only update existing" leaves it out.`);
      }
      const { email, ...data } = subscriber;
      await client.updateContact(listId, email, data);
      alreadySubscribed = true;
    } else {
      const reply = await client.upsertContact(listId, subscriber, { ...options, updateExisting: flags.updateExisting });
      alreadySubscribed = reply.already_subscribed === true;
    }
    const member = await client.getListContact(listId, subscriber.email);
    const saved = member ?? { email: normalizeEmail(subscriber.email), name: subscriber.name, surname: subscriber.surname, tags: subscriber.tags };
    return { ...contactOutput(saved, listId), already_subscribed: alreadySubscribed, import_mode: mode };
  });
}
