import type { SaveContactsOptions } from '@ecomail-bridge/shared/node';
import { tagHandlingOf } from './choice-options';
import type { ImportFlags } from './options';

/** The user's answers for the core's contact-saving job, passed as given (unset = the core's default). */
export function saveContactsOptions(flags: ImportFlags): SaveContactsOptions {
  return {
    mode: flags.mode,
    tagHandling: tagHandlingOf(flags),
    subscribe: { resubscribe: flags.resubscribe, triggerAutomations: flags.triggerAutomations },
  };
}
