/**
 * The GoOut example's backfill of 20,000 purchases, polled by n8n's main process every 5 s (the
 * history in the first poll), the purchases saved by a worker in bulk. Expected: every importable purchase one
 * order, every buyer a contact, no purchase sent twice; the GoOut tokens rotate on the way (access
 * tokens live 30 s) and n8n keeps the newest pair.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compare, type Tally } from '../../reliability/lib/scenario';
import { waitFor } from '../n8n/wait-for';
import { allEnded, executionCounts, type QueueContext } from './context';
import { GOOUT_FIRST_PURCHASE } from './workflows';

export const GOOUT_PURCHASES = 20_000;
export const GOOUT_ACCESS_TTL_MS = 30_000;
const REFRESH_PATH = '/services/user/v3/refresh-tokens';

export interface BackfillOutcome {
  seeded: number;
  importable: number;
  buyers: number;
  executions: number;
  failedExecutions: number;
  tallies: Tally[];
  unexpectedOrders: number;
  /** Order rows in accepted transaction-bulk calls beyond one per purchase. */
  ordersSentTwice: number;
  refreshes: number;
  refusedRefreshes: number;
  storedRefreshTokenIsNewest: boolean;
  gooutRequests: number;
  doneMs: number;
}

export function seedGoOut(context: QueueContext): void {
  context.goout.seed(GOOUT_PURCHASES, { startDate: GOOUT_FIRST_PURCHASE });
}

/** Waits until the backfill is in Ecomail and every GoOut execution has ended, then counts. */
export async function checkBackfill(context: QueueContext, started: number, timeoutMs: number): Promise<BackfillOutcome> {
  const importable = context.goout.state.dataset().importablePurchases();
  const workflowId = context.workflows.goout.id;
  const counts = await waitFor(
    async () => {
      if (context.ecomail.state.transactions().length < importable.length) return undefined;
      const now = await executionCounts(context, workflowId);
      return allEnded(now) ? now : undefined;
    },
    { timeoutMs, intervalMs: 2_000, what: `the ${importable.length} GoOut orders in Ecomail` },
  );
  const doneMs = Date.now() - started;

  const sentOrders = context.ecomail.state
    .calls()
    .filter((call) => call.method === 'POST' && call.path === '/tracker/transaction-bulk' && call.status === 200)
    .flatMap((call) => (call.body as { transaction_data: Array<{ transaction: { order_id: string } }> }).transaction_data.map((row) => row.transaction.order_id));
  const expectedOrders = importable.map((purchase) => purchase.id);
  const wanted = new Set(expectedOrders);
  const storedOrders = context.ecomail.state.transactions().map((transaction) => transaction.order_id);
  const buyers = [...new Set(importable.map((purchase) => purchase.email))];
  const members = context.ecomail.state
    .contacts()
    .filter((contact) => contact.lists['1'] !== undefined)
    .map((contact) => contact.email);
  const refreshes = context.goout.state.requests().filter((request) => request.path === REFRESH_PATH);
  return {
    seeded: GOOUT_PURCHASES,
    importable: importable.length,
    buyers: buyers.length,
    executions: counts.total,
    failedExecutions: counts.total - (counts.byStatus.success ?? 0),
    tallies: [compare('orders in Ecomail', expectedOrders, storedOrders), compare('buyers in the list', buyers, members.filter((email) => !email.startsWith('loyal') && !email.startsWith('listed')))],
    unexpectedOrders: storedOrders.filter((id) => !wanted.has(id)).length,
    ordersSentTwice: sentOrders.length - new Set(sentOrders).size,
    refreshes: refreshes.filter((request) => request.status === 200).length,
    refusedRefreshes: refreshes.filter((request) => request.status !== 200).length,
    storedRefreshTokenIsNewest: (await storedGoOutRefreshToken(context)) === context.goout.state.validTokens().refreshToken,
    gooutRequests: context.goout.state.requestCount(),
    doneMs,
  };
}

/** The GoOut credential as n8n keeps it now, decrypted with n8n's own CLI (never printed). */
async function storedGoOutRefreshToken(context: QueueContext): Promise<string | undefined> {
  const file = join(context.workDir, 'goout-credential.json');
  const id = context.workflows.goout.nodes.find((node) => node.type === 'n8n-nodes-ecomail.goOutTrigger')?.credentials?.goOutApi?.id;
  await context.cluster.main.cliOk(['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`], 120_000);
  const [credential] = JSON.parse(await readFile(file, 'utf8')) as Array<{ data: { refreshToken?: string } }>;
  return credential?.data.refreshToken;
}
