import type { AccountLimits } from './limits';
import { applyDueImports } from './routes/imports';
import type { SandboxSettings } from './routes/context';
import type { GetResponseStore } from './store';
import type { GetResponseSandboxState } from './types';
import { sandboxContactView, sandboxImportView } from './views';

/** Read-only copies of the store for tests and the /__sandbox routes. */
export function createSandboxState(
  store: GetResponseStore,
  limits: AccountLimits,
  settings: SandboxSettings,
  now: () => number,
  firstCampaign: string,
): GetResponseSandboxState {
  return {
    contacts: () => [...store.contacts.values()].map((contact) => sandboxContactView(store, contact, now())),
    contact: (email, campaignId = firstCampaign) => {
      const contact = store.member(campaignId, email.trim().toLowerCase());
      return contact && sandboxContactView(store, contact, now());
    },
    calls: () => structuredClone(store.calls),
    tags: () => [...store.tags.values()].map(({ tagId, name }) => ({ tagId, name })),
    customFields: () => [...store.fields.values()].map(({ customFieldId, name, type, values }) => ({ customFieldId, name, type, values: [...values] })),
    imports: () => [...store.imports.values()].map(sandboxImportView),
    // Rate windows go too, so one test's traffic does not throttle the next.
    reset: () => {
      store.reset();
      limits.reset();
    },
    flush: () => {
      const at = now();
      for (const contact of store.contacts.values()) contact.visibleAt = Math.min(contact.visibleAt, at);
      applyDueImports(store, at, settings.imports, true);
    },
  };
}
