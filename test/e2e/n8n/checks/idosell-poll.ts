/**
 * (j) The published IdoSell workflow (IdoSell Trigger → Ecomail, Map From: Shop Order, default
 * consent mode on both): the activation poll marks the shop's orders — June's history and those
 * changed in the last hours — as seen and emits none; orders placed afterwards arrive in the next
 * poll, and exactly their consenting shoppers become Ecomail contacts with the IdoSell, account and
 * category tags, each order an Ecomail order; a cancellation later changes that order's status.
 * Expectations come from the sandbox's dataset and catalogue (test/idosell/expected-state.ts).
 */
import { consents, expectedShopState, type ExpectedShopState } from '../../../idosell/expected-state';
import type { IdoSellSandbox } from '../../../sandbox/idosell';
import { idosellCursor } from '../activation';
import type { E2eContext } from '../context';
import { WORKFLOW_IDS } from '../fixtures';
import { waitFor } from '../wait-for';
import { expectEqual, expectTrue } from './expect';
import { contactsFromSource, ordersOfShop, succeededRuns } from './poll-results';

/** June 2026: long before the activation. */
const HISTORY_ORDERS = 300;
/** Placed and changed in the hours before the activation: inside the trigger's first-activation margin. */
const RECENT_ORDERS = 20;
const NEW_ORDERS = 12;

/** Seeds the shop before n8n starts. */
export function seedIdoSell(idosell: IdoSellSandbox): void {
  idosell.seed(HISTORY_ORDERS).addOrders(RECENT_ORDERS, Date.now() - 3 * 3_600_000);
}

export async function checkIdoSellPoll(context: E2eContext): Promise<string> {
  const { idosell } = context;
  const cursor = await idosellCursor(context);
  expectTrue(cursor !== undefined, 'the IdoSell trigger stored its order cursor at activation');
  expectEqual(contactsFromSource(context, 'IdoSell'), [], 'IdoSell contacts before any new order (no flood of the history)');
  expectEqual(await context.db.executions(WORKFLOW_IDS.idosellPoll), [], 'IdoSell executions before any new order');

  const data = idosell.state.dataset();
  const before = data.orders.length;
  data.addOrders(NEW_ORDERS, Date.now());
  const placed = data.orders.slice(before).map((order) => structuredClone(order));
  const consenting = placed.filter((order) => order.person.email !== '' && consents(data, order));
  expectTrue(consenting.length >= 2 && consenting.length < placed.length, `new orders of consenting and other shoppers (${consenting.length} of ${placed.length} consent)`);

  const want = expectedShopState(data, placed);
  await waitFor(() => (sameState(context, want) ? true : undefined), {
    timeoutMs: 90_000,
    what: `the consenting shoppers of the new IdoSell orders ${consenting.map((order) => order.orderId).join(', ')} with their tags and orders`,
  });
  for (const order of consenting) {
    const contact = context.ecomail.state.contact(order.person.email.toLowerCase())!;
    // Names go through the core's clean-up (titles move out), the address as the shop has it.
    expectEqual([contact.source, contact.street, contact.city, contact.phone], ['IdoSell', order.person.street, order.person.city, order.person.phone], `fields of ${contact.email}`);
  }

  // The merchant cancels an imported order: the same order changes status, nothing is added.
  const cancelled = structuredClone(data.changeStatus(consenting[0].orderId, 'canceled', Date.now()));
  const afterCancel = expectedShopState(data, [...placed, cancelled]);
  await waitFor(() => (sameState(context, afterCancel) ? true : undefined), { timeoutMs: 60_000, what: `order ${cancelled.orderId} to be canceled` });
  expectEqual(shopOrders(context), afterCancel.orders, 'IdoSell orders after the cancellation');

  const runs = await succeededRuns(context, WORKFLOW_IDS.idosellPoll, 2, 'IdoSell');
  return (
    `${HISTORY_ORDERS + RECENT_ORDERS} older orders not imported; ${consenting.length} of ${placed.length} new orders from consenting shoppers → ` +
    `${want.contacts.size} contacts with category tags + orders; cancellation → order canceled; ${runs.length} execution(s)`
  );
}

/** The IdoSell contacts (e-mail → sorted tags) and orders equal the expected ones exactly. */
function sameState(context: E2eContext, want: ExpectedShopState): boolean {
  const emails = new Set(contactsFromSource(context, 'IdoSell'));
  const got = new Map(context.ecomail.state.contacts().filter((c) => emails.has(c.email)).map((c) => [c.email, [...c.tags].sort()]));
  return JSON.stringify([...got].sort()) === JSON.stringify([...want.contacts].sort()) && JSON.stringify(shopOrders(context)) === JSON.stringify(want.orders);
}

/** The orders the IdoSell workflow sent: its Ecomail shop is `idosell`. */
const shopOrders = (context: E2eContext) => ordersOfShop(context, 'idosell');
