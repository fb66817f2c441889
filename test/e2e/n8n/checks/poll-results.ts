/** What a published poll workflow left behind, read the same way for every source (the checks share one Ecomail sandbox). */
import type { E2eContext } from '../context';
import type { ExecutionRow } from '../n8n-database';
import { waitFor } from '../wait-for';
import { expectTrue } from './expect';

/** [order id, status] of the orders sent with this Ecomail `shop`, by order id. */
export function ordersOfShop(context: E2eContext, shop: string): Array<[string, string | null]> {
  return context.ecomail.state
    .transactions()
    .filter((t) => t.shop === shop)
    .map((t): [string, string | null] => [t.order_id, t.status])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** E-mails of the contacts whose Ecomail source is `source`. */
export function contactsFromSource(context: E2eContext, source: string): string[] {
  return context.ecomail.state.contacts().filter((c) => c.source === source).map((c) => c.email);
}

/** The workflow's executions once at least `atLeast` are recorded and none is still running; each must have succeeded. */
export async function succeededRuns(context: E2eContext, workflowId: string, atLeast: number, what: string): Promise<ExecutionRow[]> {
  const runs = await waitFor(
    async () => {
      const rows = await context.db.executions(workflowId);
      return rows.length >= atLeast && rows.every((row) => row.status !== 'running' && row.status !== 'new') ? rows : undefined;
    },
    { timeoutMs: 15_000, what: `the ${what} executions to be recorded as finished` },
  );
  expectTrue(runs.every((run) => run.status === 'success'), `${what} executions all succeeded: ${JSON.stringify(runs)}`);
  return runs;
}
