import type { SlidingWindowLimiter } from './rate-limit';
import type { EcomailStore } from './store';
import type { SandboxState } from './types';
import { accountContactView } from './views';

/** Read-only copies of the store for tests and the /__sandbox routes. */
export function createSandboxState(store: EcomailStore, limiter: SlidingWindowLimiter): SandboxState {
  return {
    contacts: () => [...store.contacts.values()].map(accountContactView),
    contact: (email) => {
      const contact = store.contacts.get(email.trim().toLowerCase());
      return contact && accountContactView(contact);
    },
    calls: () => structuredClone(store.calls),
    events: () => structuredClone(store.events),
    transactions: () => structuredClone([...store.transactions.values()]),
    pipelineTriggers: () => structuredClone(store.pipelineTriggers),
    // Rate-limit windows go too, so one test's traffic does not throttle the next.
    reset: () => {
      store.reset();
      limiter.reset();
    },
  };
}
