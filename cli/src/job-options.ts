import { ContactDirectory, type EcomailClient, type SaveContactsOptions } from '@ecomail-bridge/shared/node';
import { tagHandlingOf } from './choice-options';
import type { ImportFlags } from './options';

/** The user's answers for the core's contact-saving job, passed as given (unset = the core's default). */
export function saveContactsOptions(flags: ImportFlags, client: EcomailClient | undefined): SaveContactsOptions {
  return {
    mode: flags.mode,
    tagHandling: tagHandlingOf(flags),
    subscribe: { resubscribe: flags.resubscribe, triggerAutomations: flags.triggerAutomations },
    // Ecomail: one per run, shared by every batch, so the account's member listings are read at most once.
    directory: client && new ContactDirectory(client),
  };
}
