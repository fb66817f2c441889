/**
 * n8n 2.40 logs "Editor is now accessible" before published workflows are active: with its
 * default workflow publication service (N8N_USE_WORKFLOW_PUBLICATION_SERVICE=true) activation runs
 * in the background. So wait until each published workflow shows its activation in n8n's database:
 * webhook triggers have their production webhooks registered, and each poll trigger's activation
 * poll has stored its starting point in static data.
 */
import type { E2eContext } from './context';
import { WORKFLOW_IDS } from './fixtures';
import { waitFor } from './wait-for';

export const GOOUT_TRIGGER_NODE = 'GoOut Trigger';
export const IDOSELL_TRIGGER_NODE = 'IdoSell Trigger';

const WEBHOOK_WORKFLOWS = [WORKFLOW_IDS.ellityWebhook, WORKFLOW_IDS.ecomailListHook, WORKFLOW_IDS.ecomailHookCredential];
const POLL_WORKFLOWS = [
  WORKFLOW_IDS.gooutPoll,
  WORKFLOW_IDS.gooutLongHistory,
  WORKFLOW_IDS.gooutRaceA,
  WORKFLOW_IDS.gooutRaceB,
  WORKFLOW_IDS.leakGoOutDeadToken,
  WORKFLOW_IDS.leakGoOutQuery5xx,
  WORKFLOW_IDS.leakGoOutQueryReset,
];

export async function waitForActivation(context: E2eContext, timeoutMs: number): Promise<string> {
  await waitFor(
    async () => {
      for (const id of WEBHOOK_WORKFLOWS) if ((await context.db.webhooks(id)).length === 0) return undefined;
      for (const id of POLL_WORKFLOWS) if ((await gooutSince(context, id)) === undefined) return undefined;
      return (await idosellCursor(context)) === undefined ? undefined : true;
    },
    { timeoutMs, intervalMs: 500, what: 'n8n to activate the published workflows (webhooks + first GoOut and IdoSell polls)' },
  );
  return (
    `${WEBHOOK_WORKFLOWS.length} webhook workflows registered, ${POLL_WORKFLOWS.length} GoOut triggers started from ${await gooutSince(context)}, ` +
    `the IdoSell trigger from ${(await idosellCursor(context))?.since}`
  );
}

/** The IdoSell trigger's order cursor, written by its first poll after activation. */
export async function idosellCursor(context: E2eContext): Promise<{ since: string; taken: unknown[] } | undefined> {
  const data = await context.db.staticData(WORKFLOW_IDS.idosellPoll);
  return (data?.[`node:${IDOSELL_TRIGGER_NODE}`] as Record<string, { since: string; taken: unknown[] }> | undefined)?.['idosell.orders'];
}

/** A GoOut trigger's starting point, written by its first poll after activation. */
export async function gooutSince(context: E2eContext, workflowId: string = WORKFLOW_IDS.gooutPoll): Promise<string | undefined> {
  const data = await context.db.staticData(workflowId);
  return (data?.[`node:${GOOUT_TRIGGER_NODE}`] as { since?: string } | undefined)?.since;
}
