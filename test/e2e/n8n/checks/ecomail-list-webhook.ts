/**
 * (d) The published Ecomail → Ellity workflow: Ecomail's list webhook (fired by the sandbox when a
 * contact unsubscribes "via the e-mail link") reaches the Ecomail Trigger, and the Ellity node
 * reports the change to Ellity's subscription URL. A call without the right ?secret= is refused.
 */
import type { E2eContext } from '../context';
import { ECOMAIL_LIST_HOOK, WORKFLOW_IDS } from '../fixtures';
import { waitFor } from '../wait-for';
import { expectEqual, expectTrue } from './expect';

/** Created by check (a). */
const EMAIL = 'petr.svoboda@example.cz';

export async function checkEcomailListWebhook(context: E2eContext): Promise<string> {
  const registered = (await context.db.webhooks(WORKFLOW_IDS.ecomailListHook)).map((row) => row.webhookPath);
  expectEqual(registered, [ECOMAIL_LIST_HOOK.path], 'Ecomail Trigger webhook path registered by n8n (the sandbox posts there)');

  const refused = await fetch(`${context.n8n.baseUrl}/webhook/${ECOMAIL_LIST_HOOK.path}?secret=wrong`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payload: { email: 'intruder@example.cz', status: 'UNSUBSCRIBED', listId: 1, campaignId: null } }),
    signal: AbortSignal.timeout(15_000),
  });
  expectTrue(refused.status === 401, `wrong secret refused with 401 (got ${refused.status})`);

  // Unsubscribe "via the e-mail link": the sandbox then posts its list webhook to n8n.
  const unsubscribe = await fetch(`${context.ecomail.url}/__sandbox/lists/1/simulate-unsubscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL }),
    signal: AbortSignal.timeout(15_000),
  });
  expectTrue(unsubscribe.ok, `sandbox unsubscribe answered ${unsubscribe.status}`);

  const notice = await waitFor(
    () => context.ellityReceiver.bodies().find((body) => JSON.stringify(body).includes(EMAIL)),
    { timeoutMs: 30_000, what: `Ellity's subscription notice for ${EMAIL}` },
  );
  expectEqual(notice, { payload: { email: EMAIL, status: 'UNSUBSCRIBED', listId: 1, campaignId: null } }, 'notice sent to Ellity');
  expectEqual(context.ellityReceiver.bodies().length, 1, 'notices sent to Ellity (the refused call sent none)');
  expectEqual(context.ellityReceiver.rejected(), [], 'requests the Ellity stand-in refused (method, path or body wrong)');
  return `unsubscribe → Ellity notice; wrong secret → ${refused.status}`;
}
