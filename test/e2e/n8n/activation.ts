/**
 * n8n 2.40 logs "Editor is now accessible" before published workflows are active: with its
 * default workflow publication service (N8N_USE_WORKFLOW_PUBLICATION_SERVICE=true) activation runs
 * in the background. So wait until each published workflow shows its activation in n8n's database:
 * webhook triggers have their production webhooks registered, and the poll trigger's activation
 * poll has stored its starting point in static data.
 */
import type { E2eContext } from './context';
import { WORKFLOW_IDS } from './fixtures';
import { waitFor } from './wait-for';

export const GOOUT_TRIGGER_NODE = 'GoOut Trigger';

export async function waitForActivation(context: E2eContext, timeoutMs: number): Promise<string> {
  const webhookWorkflows = [WORKFLOW_IDS.ellityWebhook, WORKFLOW_IDS.ecomailListHook];
  await waitFor(
    async () => {
      for (const id of webhookWorkflows) if ((await context.db.webhooks(id)).length === 0) return undefined;
      return (await gooutSince(context)) === undefined ? undefined : true;
    },
    { timeoutMs, intervalMs: 300, what: 'n8n to activate the published workflows (webhooks + first GoOut poll)' },
  );
  return `${webhookWorkflows.length} webhook workflows registered, GoOut trigger started from ${await gooutSince(context)}`;
}

/** The GoOut trigger's starting point, written by its first poll after activation. */
export async function gooutSince(context: E2eContext): Promise<string | undefined> {
  const data = await context.db.staticData(WORKFLOW_IDS.gooutPoll);
  return (data?.[`node:${GOOUT_TRIGGER_NODE}`] as { since?: string } | undefined)?.since;
}
