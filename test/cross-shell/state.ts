import type { EcomailSandbox, SandboxContact } from '../sandbox/ecomail';

/** What a user can see in Ecomail after a run, without ids and times that differ run to run. */
export interface EcomailStateView {
  contacts: Array<Record<string, unknown>>;
  orders: Array<Record<string, unknown>>;
  events: Array<Record<string, unknown>>;
}

const CONTACT_FIELDS = [
  'email', 'name', 'surname', 'pretitle', 'surtitle', 'gender', 'company', 'city', 'street', 'zip', 'country', 'phone',
  'birthday', 'nameday', 'source', 'vokativ', 'vokativ_s',
] as const;

function contactView(contact: SandboxContact): Record<string, unknown> {
  const view: Record<string, unknown> = Object.fromEntries(CONTACT_FIELDS.map((key) => [key, contact[key] ?? null]));
  // Ecomail keeps tags as a set; the order they were first written in is not something a user sees.
  view.tags = [...contact.tags].sort();
  view.lists = Object.fromEntries(
    Object.entries(contact.lists).map(([id, membership]) => [id, { status: membership.status, c_fields: membership.c_fields }]),
  );
  return view;
}

const byKey = (key: (row: Record<string, unknown>) => string) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
  key(a).localeCompare(key(b));

export function ecomailState(sandbox: EcomailSandbox): EcomailStateView {
  return {
    contacts: sandbox.state.contacts().map(contactView).sort(byKey((row) => String(row.email))),
    orders: sandbox.state
      .transactions()
      .map((tx) => ({ order_id: tx.order_id, email: tx.email, shop: tx.shop, amount: tx.amount, status: tx.status, timestamp: tx.timestamp, bulk: tx.bulk, items: tx.items }))
      .sort(byKey((row) => `${String(row.order_id)}|${String(row.status)}`)),
    events: sandbox.state
      .events()
      .map((event) => ({ email: event.email, category: event.category, action: event.action, label: event.label, property: event.property, value: event.value }))
      .sort(byKey((row) => JSON.stringify(row))),
  };
}
