/**
 * (d) The published Ecomail → Ellity workflow: Ecomail's list webhook (fired by the sandbox when a
 * contact unsubscribes "via the e-mail link") reaches the Ecomail Trigger, and the Ellity node
 * reports the change to Ellity's subscription URL. A call without the right ?secret= is refused,
 * an accepted one is answered {"status":"ok"}. That workflow keeps the secret as a node parameter
 * (typeVersion 1, as saved before the credential existed); a second one, of typeVersion 2, reads it
 * from the Ecomail Webhook credential.
 */
import type { E2eContext } from '../context';
import { ECOMAIL_CREDENTIAL_HOOK, ECOMAIL_LIST_HOOK, WORKFLOW_IDS } from '../fixtures';
import { postRaw } from '../http-post';
import { waitFor } from '../wait-for';
import { expectEqual, expectTrue } from './expect';

/** Created by check (a). */
const EMAIL = 'petr.svoboda@example.cz';
/** Created by check (e); its unsubscribe is posted by hand, to see n8n's answer. */
const POSTED_EMAIL = 'eva.mala@example.cz';

const listHookBody = (email: string, status: string) =>
  JSON.stringify({ payload: { email, status, listId: 1, campaignId: null } });

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

  const posted = await postRaw(
    `${context.n8n.baseUrl}/webhook/${ECOMAIL_LIST_HOOK.path}?secret=${ECOMAIL_LIST_HOOK.secret}`,
    listHookBody(POSTED_EMAIL, 'UNSUBSCRIBED'),
    'application/json',
  );
  expectEqual([posted.status, posted.body], [200, '{"status":"ok"}'], 'answer to an accepted list webhook');
  await waitFor(() => context.ellityReceiver.bodies().find((body) => JSON.stringify(body).includes(POSTED_EMAIL)), {
    timeoutMs: 30_000,
    what: `Ellity's subscription notice for ${POSTED_EMAIL}`,
  });
  expectEqual(context.ellityReceiver.bodies().length, 2, 'notices sent to Ellity (the refused call sent none)');
  expectEqual(context.ellityReceiver.rejected(), [], 'requests the Ellity stand-in refused (method, path or body wrong)');

  const credentialHook = await checkCredentialHook(context);
  return `unsubscribe → Ellity notice; wrong secret → ${refused.status}; accepted → ${posted.body}; ${credentialHook}`;
}

/** The typeVersion 2 trigger: secret from the credential, same answers. */
async function checkCredentialHook(context: E2eContext): Promise<string> {
  const registered = (await context.db.webhooks(WORKFLOW_IDS.ecomailHookCredential)).map((row) => row.webhookPath);
  expectEqual(registered, [ECOMAIL_CREDENTIAL_HOOK.path], 'webhook path of the Ecomail Trigger with a credential');
  const url = `${context.n8n.baseUrl}/webhook/${ECOMAIL_CREDENTIAL_HOOK.path}`;
  const body = listHookBody(EMAIL, 'SUBSCRIBED');
  // The parameter secret of the other workflow is no key here.
  const refused = await postRaw(`${url}?secret=${ECOMAIL_LIST_HOOK.secret}`, body, 'application/json');
  expectEqual(refused.status, 401, 'secret of another trigger refused');
  const accepted = await postRaw(`${url}?secret=${ECOMAIL_CREDENTIAL_HOOK.secret}`, body, 'application/json');
  expectEqual([accepted.status, accepted.body], [200, '{"status":"ok"}'], 'answer of the trigger with a credential');
  const runs = await waitFor(
    async () => {
      const rows = await context.db.executions(WORKFLOW_IDS.ecomailHookCredential);
      return rows.length > 0 && rows.every((row) => row.status === 'success') ? rows : undefined;
    },
    { timeoutMs: 15_000, what: 'the execution of the Ecomail Trigger with a credential' },
  );
  expectEqual(runs.length, 1, 'executions of the Ecomail Trigger with a credential (the refused call made none)');
  return `credential secret: wrong → ${refused.status}, right → ${accepted.body}`;
}
