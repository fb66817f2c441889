/**
 * (c) The published GoOut workflow: the poll at activation remembers "now" and emits nothing, so
 * older purchases never flood Ecomail; purchases made afterwards arrive in the next poll and the
 * Ecomail node creates their buyers as contacts (source GoOut, GoOut tags, last-event fields) and
 * sends each purchase as an order — the options of n8n-nodes/examples/goout-to-ecomail.json.
 */
import type { GoOutSandbox } from '../../../sandbox/goout';
import { ORGANIZER_ID } from '../../../sandbox/goout';
import { gooutSince } from '../activation';
import type { E2eContext } from '../context';
import { WORKFLOW_IDS } from '../fixtures';
import { waitFor } from '../wait-for';
import { expectEqual, expectTrue } from './expect';

const OLD_PURCHASES = 12;
const NEW_PURCHASES = 3;
/** The sandbox dates purchase k at startDate + k × 5 min (dataset.ts). */
const PURCHASE_STEP_MS = 5 * 60_000;
/** Far enough ahead that the first new purchase is still later than the activation poll. */
const FIRST_NEW_PURCHASE_AHEAD_MS = 5 * 60_000;

/**
 * Seeds the sandbox before n8n starts: purchases 0…OLD-1 lie in the past, so they predate the
 * trigger's first activation; purchase OLD (the first one added later) lies after it.
 */
export function seedGoOut(goout: GoOutSandbox): void {
  const startMs = Date.now() + FIRST_NEW_PURCHASE_AHEAD_MS - OLD_PURCHASES * PURCHASE_STEP_MS;
  goout.seed(OLD_PURCHASES, { startDate: new Date(startMs).toISOString(), sales: 2, foreignSales: 0 });
}

export async function checkGoOutPoll(context: E2eContext): Promise<string> {
  const { goout, ecomail } = context;
  // waitForActivation saw the activation poll store its starting point: that poll is over.
  expectTrue((await gooutSince(context)) !== undefined, 'the GoOut trigger stored its starting point at activation');
  const before = buyerEmails(goout);
  expectEqual(fromGoOut(context), [], 'GoOut contacts before any new purchase (no backfill of old ones)');
  expectEqual(await context.db.executions(WORKFLOW_IDS.gooutPoll), [], 'GoOut executions before any new purchase');

  goout.addPurchases(NEW_PURCHASES);
  const added = buyerEmails(goout).filter((email) => !before.includes(email));
  expectTrue(added.length > 0, 'the new sandbox purchases have buyers with e-mails');

  const contacts = await waitFor(
    () => {
      const found = added.map((email) => ecomail.state.contact(email));
      return found.every((c) => c !== undefined) ? found.map((c) => c!) : undefined;
    },
    { timeoutMs: 90_000, what: `Ecomail contacts for the new GoOut buyers ${added.join(', ')}` },
  );
  for (const contact of contacts) {
    expectEqual(contact.source, 'GoOut', `source of ${contact.email}`);
    expectTrue(contact.tags.includes('GoOut'), `${contact.email} has the GoOut tag (tags: ${contact.tags.join(', ')})`);
    expectTrue(Boolean(contact.lists['1']?.c_fields.goout_last_event), `${contact.email} has goout_last_event`);
  }
  const orders = await waitFor(
    () => {
      const found = ecomail.state.transactions().filter((t) => t.shop === 'goout');
      return added.every((email) => found.some((t) => t.email === email)) ? found : undefined;
    },
    { timeoutMs: 15_000, what: 'an Ecomail order for every new GoOut buyer' },
  );
  const olderOrders = orders.filter((t) => !added.includes(t.email)).map((t) => t.email);
  expectEqual(olderOrders, [], 'orders of purchases made before activation');
  expectEqual(fromGoOut(context).filter((email) => !added.includes(email)), [], 'contacts from purchases made before activation');

  const runs = await waitFor(
    async () => {
      const rows = await context.db.executions(WORKFLOW_IDS.gooutPoll);
      return rows.length > 0 && rows.every((row) => row.status !== 'running' && row.status !== 'new') ? rows : undefined;
    },
    { timeoutMs: 15_000, what: 'the GoOut execution to be recorded as finished' },
  );
  expectTrue(runs.every((run) => run.status === 'success'), `GoOut executions all succeeded: ${JSON.stringify(runs)}`);
  // The credential starts with no access token, so n8n's preAuthentication refreshes once and must
  // store the rotated pair: had it not, the next poll would refresh with a dead token and fail.
  expectEqual(goout.state.refreshCount(), 1, 'GoOut token refreshes across all polls (n8n kept the rotated pair)');
  return (
    `${added.length} new buyers → contacts + ${orders.length} orders ` +
    `(${OLD_PURCHASES} older purchases not imported); ${runs.length} execution(s); 1 token refresh`
  );
}

/** E-mails of the sandbox contacts the GoOut workflow wrote (the other checks share the sandbox). */
function fromGoOut(context: E2eContext): string[] {
  return context.ecomail.state.contacts().filter((c) => c.source === 'GoOut').map((c) => c.email);
}

/** Lower-cased e-mails of every purchase the organiser has in the sandbox, in purchase order. */
function buyerEmails(goout: GoOutSandbox): string[] {
  const data = goout.state.dataset();
  const emails: string[] = [];
  for (let position = 0; position < data.saleCount; position++) {
    const sale = data.sale(position);
    if (sale.organizerId !== ORGANIZER_ID) continue;
    for (let i = 0; i < data.salePurchaseCount(sale); i++) {
      const purchase = data.purchase(sale, i, false) as { attributes: { email: string | null } };
      const email = purchase.attributes.email?.trim().toLowerCase();
      if (email && !emails.includes(email)) emails.push(email);
    }
  }
  return emails;
}

