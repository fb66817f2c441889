import { Refusal, readEmail, type SalesManagoStore } from './store';
import type { SalesManagoAccount } from './types';

/** The sandbox's own package limit: our 400 (docs/salesmanago.md §5; the real maximum is unknown). */
export const UPSERT_PACKAGE_LIMIT = 400;
export const EVENT_PACKAGE_LIMIT = 1000;
export const LOOKUP_LIMIT = 50;

type Handler = (body: Record<string, unknown>, store: SalesManagoStore, account: SalesManagoAccount) => Record<string, unknown>;

function list(body: Record<string, unknown>, key: string, limit: number): unknown[] {
  const items = body[key];
  if (!Array.isArray(items) || items.length === 0) throw new Refusal([`${key} must be a non-empty list`]);
  if (items.length > limit) throw new Refusal([`${key} holds ${items.length} items; ${limit} at most per request`]);
  return items;
}

/** Inner requests of the combined call repeat the client id and owner (docs/salesmanago.md §4). */
function checkInner(inner: unknown, name: string, account: SalesManagoAccount): Record<string, unknown> {
  if (typeof inner !== 'object' || inner === null) throw new Refusal([`${name} must be an object`]);
  const record = inner as Record<string, unknown>;
  if (record.clientId !== account.clientId || String(record.owner).toLowerCase() !== account.owner.toLowerCase()) {
    throw new Refusal([`${name} must repeat the clientId and owner`]);
  }
  return record;
}

/**
 * The v2 calls our client makes (docs/salesmanago.md §3–§6). Each answers `{success: true,
 * message: [], …}`; a refusal (thrown `Refusal`) answers `success: false` and applies nothing —
 * a batch of contacts is refused whole when one item is bad, since per-item results of the real
 * batch call are unknown [U]. Batch events instead name the contacts whose event failed [P].
 */
export const API_ROUTES: Record<string, Handler> = {
  '/api/contact/hasContact': (body, store) => ({ contactId: store.contacts.get(readEmail(body.email))?.contactId ?? null }),

  '/api/contact/list': (body, store) => ({
    contacts: list(body, 'email', LOOKUP_LIMIT).flatMap((email) => {
      const contact = store.contacts.get(readEmail(email));
      return contact ? [{ contactId: contact.contactId, email: contact.email, name: contact.name, optedOut: contact.emailConsent === 'opted-out' }] : [];
    }),
  }),

  '/api/contact/upsert': (body, store) => ({ contactId: store.applyUpsert(store.parseUpsert(body)).contactId }),

  '/api/contact/batchupsertv2': (body, store) => {
    const parsed = list(body, 'upsertDetails', UPSERT_PACKAGE_LIMIT).map((item) => store.parseUpsert(item));
    for (const item of parsed) store.applyUpsert(item);
    return {};
  },

  '/api/v2/contact/addContactExtEvent': (body, store) => ({ eventId: store.applyEvent(store.parseEvent(body.email, body.contactEvent)).eventId }),

  '/api/contact/batchAddContactExtEvent': (body, store) => {
    const failed: string[] = [];
    let created = 0;
    for (const item of list(body, 'events', EVENT_PACKAGE_LIMIT)) {
      const record = (item ?? {}) as Record<string, unknown>;
      try {
        store.applyEvent(store.parseEvent(record.email, record.contactEvent));
        created++;
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        failed.push(String(record.email));
      }
    }
    return { failedContacts: failed, createdAmount: created, failedAmount: failed.length };
  },

  '/api/integration/upsert': (body, store, account) => {
    const contactRequest = body.contactUpsertRequest === undefined ? undefined : checkInner(body.contactUpsertRequest, 'contactUpsertRequest', account);
    const eventRequest = body.addContactExtEventRequest === undefined ? undefined : checkInner(body.addContactExtEventRequest, 'addContactExtEventRequest', account);
    if (!contactRequest && !eventRequest) throw new Refusal(['nothing to do: send contactUpsertRequest, addContactExtEventRequest or both']);
    // Both parts are checked before either is applied.
    const upsert = contactRequest && store.parseUpsert(contactRequest);
    const event = eventRequest && store.parseEvent(eventRequest.email, eventRequest.contactEvent, upsert?.email);
    return {
      ...(upsert ? { contactId: store.applyUpsert(upsert).contactId } : {}),
      ...(event ? { eventId: store.applyEvent(event).eventId } : {}),
    };
  },
};
