/**
 * Ecomail list webhooks into the "Ecomail subscriptions to Ellity points" example: 40 subscribe /
 * unsubscribe changes over both webhook URLs, 10 of them delivered to both processes at once.
 * Expected: Ellity hears of each change once.
 */
import { eachConcurrently } from '../../../shared/src/jobs/concurrency';
import { compare, type Tally } from '../../reliability/lib/scenario';
import { postRaw } from '../n8n/http-post';
import { waitFor } from '../n8n/wait-for';
import { allEnded, executionCounts, type QueueContext } from './context';
import { ECOMAIL_HOOK_SECRET, productionUrl } from './workflows';

const CHANGES = 40;
const REPEATED = 10;

export interface ListWebhookOutcome {
  deliveries: number;
  repeats: number;
  executions: number;
  tally: Tally;
  failedExecutions: number;
}

const change = (i: number) => ({ email: `listed${i}@example.cz`, status: i % 3 === 0 ? 'unsubscribed' : 'subscribed' });

/** Sends every list webhook; each is answered once n8n has queued its execution. */
export async function postListWebhooks(context: QueueContext): Promise<void> {
  const url = (process: 'main' | 'webhook') =>
    `${productionUrl(process === 'main' ? context.cluster.main : context.cluster.webhook, context.workflows.ecomailList, 'ecomailTrigger', 'webhook')}?secret=${ECOMAIL_HOOK_SECRET}`;
  const post = async (i: number, process: 'main' | 'webhook') => {
    const { email, status } = change(i);
    const payload = JSON.stringify({ payload: { email, status: status.toUpperCase(), listId: 1, campaignId: null } });
    const reply = await postRaw(url(process), payload, 'application/json', 60_000);
    if (reply.status !== 200) throw new Error(`list webhook ${i} to ${process} answered ${reply.status}: ${reply.body}`);
  };
  const indexes = Array.from({ length: CHANGES }, (_, i) => i);
  await eachConcurrently(indexes, 8, async (i) => {
    const first = i % 2 === 0 ? 'main' : 'webhook';
    await Promise.all(i < REPEATED ? [post(i, first), post(i, first === 'main' ? 'webhook' : 'main')] : [post(i, first)]);
  });
}

/** Waits until n8n has run every execution the list webhooks started, then counts Ellity's reports. */
export async function settleListWebhooks(context: QueueContext, timeoutMs: number): Promise<ListWebhookOutcome> {
  const indexes = Array.from({ length: CHANGES }, (_, i) => i);
  const counts = await waitFor(
    async () => {
      const now = await executionCounts(context, context.workflows.ecomailList.id);
      return now.total >= CHANGES + REPEATED && allEnded(now) ? now : undefined;
    },
    { timeoutMs, intervalMs: 1_000, what: 'n8n to finish the list webhook executions' },
  );
  const reported = context.ellityReceiver.bodies().map((body) => {
    const payload = (body as { payload?: { email?: string; status?: string } }).payload ?? {};
    return `${payload.email}|${payload.status}`;
  });
  return {
    deliveries: CHANGES + REPEATED,
    repeats: REPEATED,
    executions: counts.total,
    tally: compare('subscription changes reported to Ellity', indexes.map((i) => `${change(i).email}|${change(i).status.toUpperCase()}`), reported),
    failedExecutions: counts.total - (counts.byStatus.success ?? 0),
  };
}
