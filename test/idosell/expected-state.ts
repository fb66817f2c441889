/**
 * What Ecomail should hold after sandbox orders went through the shop preset, worked out from the
 * sandbox's dataset and catalogue alone (docs/idosell.md §7.3, §9, §10), never from the code under
 * test: who is sent, each contact's tags, each order's status.
 */
import { PRODUCTS, SHOPS, categoryPath, type IdoSellDataset, type SandboxOrder } from '../sandbox/idosell';

const NOT_PURCHASES = ['canceled', 'false', 'lost'];
const ORDER_STATUS: Record<string, string> = { finished: 'completed', new: 'pending', payment_waiting: 'pending', packed: 'processing', ready: 'processing' };
const TWO_LETTERS = { cze: 'cs', pol: 'pl' } as const;

export function consents(data: IdoSellDataset, order: SandboxOrder): boolean {
  return order.clientId !== 0 && data.client(order.clientId)!.approvedShops.includes(order.shopId);
}

/** The tags one order gives its buyer: source, language, consent, account, then three category levels of each product bought. */
export function orderTags(data: IdoSellDataset, order: SandboxOrder): string[] {
  const language = SHOPS[order.shopId - 1].language;
  const tags = ['IdoSell', `IdoSell_${TWO_LETTERS[language]}`];
  if (consents(data, order)) tags.push('IdoSell_newsletter');
  if (order.clientId !== 0) tags.push('rejestracja');
  if (!NOT_PURCHASES.includes(order.status)) {
    for (const line of order.lines) {
      const product = PRODUCTS.find((candidate) => candidate.id === line.productId)!;
      tags.push(...categoryPath(product.categoryId, language).slice(0, 3).map((level) => level.slice(0, 50).trim()));
    }
  }
  return tags;
}

export interface ExpectedShopState {
  /** E-mail → its tags, sorted. */
  contacts: Map<string, string[]>;
  /** [order id, Ecomail status], by order id. */
  orders: Array<[string, string | null]>;
}

/** `orders` in the order they were read (a later read of an order replaces its status), sent with `mode`. */
export function expectedShopState(data: IdoSellDataset, orders: readonly SandboxOrder[], mode: 'consented' | 'everybody' = 'consented'): ExpectedShopState {
  const contacts = new Map<string, Set<string>>();
  const statuses = new Map<string, string | null>();
  for (const order of orders) {
    if (order.person.email === '' || (mode === 'consented' && !consents(data, order))) continue;
    const email = order.person.email.toLowerCase();
    const tags = contacts.get(email) ?? new Set<string>();
    for (const tag of orderTags(data, order)) tags.add(tag);
    contacts.set(email, tags);
    statuses.set(order.orderId, NOT_PURCHASES.includes(order.status) ? 'canceled' : (ORDER_STATUS[order.status] ?? null));
  }
  return {
    contacts: new Map([...contacts].map(([email, tags]) => [email, [...tags].sort()])),
    orders: [...statuses].sort(([a], [b]) => a.localeCompare(b)),
  };
}

/** The same view of an Ecomail sandbox: e-mail → sorted tags, and [order id, status] by order id. */
export function shopStateOf(ecomail: { state: { contacts(): Array<{ email: string; tags: string[] }>; transactions(): Array<{ order_id: string; status: string | null }> } }): ExpectedShopState {
  return {
    contacts: new Map(ecomail.state.contacts().map((contact) => [contact.email, [...contact.tags].sort()])),
    orders: ecomail.state
      .transactions()
      .map((tx): [string, string | null] => [tx.order_id, tx.status])
      .sort(([a], [b]) => a.localeCompare(b)),
  };
}
