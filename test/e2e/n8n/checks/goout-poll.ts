/**
 * (c) The published GoOut workflow over 10 pages of purchase history: the poll at activation
 * remembers "now" and emits nothing, so older purchases never flood Ecomail; purchases made
 * afterwards arrive in the next poll and the Ecomail node creates their buyers as contacts (source
 * GoOut, GoOut tags, last-event fields) and sends each purchase as an order — the options of
 * n8n-nodes/examples/goout-to-ecomail.json. A purchase already refunded when first seen is no
 * purchase; a refund of an imported one changes its order's status. Then idle polls are counted.
 */
import type { GoOutSandbox } from '../../../sandbox/goout';
import { ORGANIZER_ID } from '../../../sandbox/goout';
import { gooutSince } from '../activation';
import type { E2eContext } from '../context';
import { WORKFLOW_IDS } from '../fixtures';
import { waitFor } from '../wait-for';
import { expectEqual, expectTrue } from './expect';
import { idlePollRequests } from './idle-polls';
import { contactsFromSource, ordersOfShop, succeededRuns } from './poll-results';

/** 10 pages of 100 over two sales. */
export const OLD_PURCHASES = 1_000;
/** The sandbox dates purchase k at startDate + k × 5 min (dataset.ts). */
const PURCHASE_STEP_MS = 5 * 60_000;
/** Far enough ahead that the first new purchase is still later than the activation poll. */
const FIRST_NEW_PURCHASE_AHEAD_MS = 5 * 60_000;

/**
 * Seeds a sandbox before n8n starts: purchases 0…count-1 lie in the past, so they predate the
 * trigger's first activation; purchase `count` (the first one added later) lies after it.
 */
export function seedGoOut(goout: GoOutSandbox, count: number): void {
  const startMs = Date.now() + FIRST_NEW_PURCHASE_AHEAD_MS - count * PURCHASE_STEP_MS;
  goout.seed(count, { startDate: new Date(startMs).toISOString(), sales: 2, foreignSales: 0 });
}

export async function checkGoOutPoll(context: E2eContext): Promise<string> {
  const { goout, ecomail } = context;
  // waitForActivation saw the activation poll store its starting point: that poll is over.
  expectTrue((await gooutSince(context)) !== undefined, 'the GoOut trigger stored its starting point at activation');
  expectEqual(fromGoOut(context), [], 'GoOut contacts before any new purchase (no backfill of old ones)');
  expectEqual(await context.db.executions(WORKFLOW_IDS.gooutPoll), [], 'GoOut executions before any new purchase');

  const paid = goout.addPurchases(3, 'paid');
  const [refundedAtOnce] = goout.addPurchases(1, 'refunded');
  const buyers = paid.map((id) => buyerEmail(goout, id));
  const refundedBuyer = buyerEmail(goout, refundedAtOnce);
  expectEqual(new Set([...buyers, refundedBuyer]).size, 4, 'four different buyers of the new purchases');

  const contacts = await waitFor(
    () => {
      const found = buyers.map((email) => ecomail.state.contact(email));
      return found.every((c) => c !== undefined) ? found.map((c) => c!) : undefined;
    },
    { timeoutMs: 90_000, what: `Ecomail contacts for the new GoOut buyers ${buyers.join(', ')}` },
  );
  for (const contact of contacts) {
    expectEqual(contact.source, 'GoOut', `source of ${contact.email}`);
    expectTrue(contact.tags.includes('GoOut'), `${contact.email} has the GoOut tag (tags: ${contact.tags.join(', ')})`);
    expectTrue(Boolean(contact.lists['1']?.c_fields.goout_last_event), `${contact.email} has goout_last_event`);
  }
  const orders = await waitFor(
    () => {
      const found = goOutOrders(context);
      return found.length >= paid.length ? found : undefined;
    },
    { timeoutMs: 15_000, what: 'an Ecomail order for every new GoOut purchase' },
  );
  expectEqual(orders, paid.map((id) => [id, 'completed']), 'GoOut orders: the three paid purchases, completed');
  expectEqual(fromGoOut(context).sort(), [...buyers].sort(), 'GoOut contacts: the three buyers (not the refunded one, no older one)');

  // A refund of an imported purchase: the same order changes status, no second purchase.
  goout.refund(paid[0]);
  await waitFor(() => (goOutOrders(context).find(([id]) => id === paid[0])?.[1] === 'canceled' ? true : undefined), {
    timeoutMs: 60_000,
    what: `order ${paid[0]} to be canceled after its refund`,
  });
  expectEqual(goOutOrders(context), [[paid[0], 'canceled'], [paid[1], 'completed'], [paid[2], 'completed']], 'GoOut orders after the refund');

  const runs = await succeededRuns(context, WORKFLOW_IDS.gooutPoll, 1, 'GoOut');
  // The credential starts with no access token, so n8n's preAuthentication refreshes once and must
  // store the rotated pair: had it not, the next poll would refresh with a dead token and fail.
  expectEqual(goout.state.refreshCount(), 1, 'GoOut token refreshes across all polls (n8n kept the rotated pair)');

  const idle = await idlePollRequests(goout, 3);
  return (
    `${paid.length} paid → contacts + orders, 1 refunded at once left out, refund → order canceled; ` +
    `${OLD_PURCHASES} older purchases not imported; ${runs.length} execution(s); idle poll at 10 pages: ${idle}`
  );
}

const goOutOrders = (context: E2eContext) => ordersOfShop(context, 'goout');
const fromGoOut = (context: E2eContext) => contactsFromSource(context, 'GoOut');

/** Lower-cased e-mail of the organiser's purchase with this id. */
function buyerEmail(goout: GoOutSandbox, purchaseId: string): string {
  const data = goout.state.dataset();
  for (let position = 0; position < data.saleCount; position++) {
    const sale = data.sale(position);
    if (sale.organizerId !== ORGANIZER_ID) continue;
    for (let i = data.salePurchaseCount(sale) - 1; i >= 0; i--) {
      const purchase = data.purchase(sale, i, false) as { id: string; attributes: { email: string | null } };
      if (purchase.id !== purchaseId) continue;
      const email = purchase.attributes.email?.trim().toLowerCase();
      if (!email) throw new Error(`sandbox purchase ${purchaseId} has no e-mail; pick other new purchases`);
      return email;
    }
  }
  throw new Error(`no sandbox purchase ${purchaseId}`);
}
