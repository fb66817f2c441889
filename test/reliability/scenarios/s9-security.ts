/**
 * 9. Security: webhook calls with no secret, a wrong one, one differing in a single byte (and one a
 * byte short) are refused with 401 and start nothing; a refused Ecomail key and a dead GoOut token
 * produce errors that name neither. Then every text captured in the whole run (CLI output, report
 * and checkpoint files, thrown errors with stacks, n8n output items, Zapier errors) is searched for
 * every key and token used.
 */
import { GoOutReconnectError, GoOutTokenManager, createNodeRuntime } from '@ecomail-bridge/shared/node';
import fixture from '../../../n8n-nodes/test/fixtures/contact-upsert.workflow.json';
import EcomailApp from '../../../zapier-app/src/ecomail';
import { tester } from '../../../zapier-app/test/app-tester';
import { backfillArgs, runCli, tempDir } from '../lib/cli';
import { coreClient } from '../lib/core';
import { deliverWebhook, runN8n } from '../lib/n8n';
import { cliEnv } from '../lib/reference';
import { startEcomail, startGoOut } from '../lib/sandboxes';
import type { Recorder } from '../lib/scenario';
import { SECRETS, capture, capturedTexts, errorText, knownSecrets, leaksIn } from '../lib/secrets';

const knownSecretsCount = () => knownSecrets().length;

const flipLastByte = (text: string) => text.slice(0, -1) + String.fromCharCode(text.charCodeAt(text.length - 1) ^ 1);

export async function security(rec: Recorder): Promise<void> {
  const secret = SECRETS.webhookSecret;
  const wrongSecrets: Array<[string, Record<string, string>]> = [
    ['no secret', {}],
    ['a wrong secret', { value: 'definitely-not-the-secret' }],
    ['the secret with its last byte changed', { value: flipLastByte(secret) }],
    ['the secret with its first byte changed', { value: flipLastByte(secret.split('').reverse().join('')).split('').reverse().join('') }],
    ['the secret one byte short', { value: secret.slice(0, -1) }],
    ['the secret with one byte extra', { value: `${secret}x` }],
  ];
  for (const [label, given] of wrongSecrets) {
    const ellity = await deliverWebhook('ellityTrigger', {
      body: JSON.stringify({ trigger: 'credit_changed', customer: { email: 'intruder@example.cz', credit: '1' } }),
      query: given.value === undefined ? {} : { key: given.value },
      parameters: { events: ['credit_changed'], dedupeSeconds: 0 },
      credentials: { ellityWebhookApi: { secret } },
      nodeId: 'reliability-security',
    });
    rec.check(`Ellity trigger, ${label}: 401, no workflow output`, ellity.response.status === 401 && !ellity.result.workflowData, `status ${ellity.response.status}`);
    const ecomail = await deliverWebhook('ecomailTrigger', {
      body: { payload: { email: 'intruder@example.cz', status: 'SUBSCRIBED', listId: 1 } },
      query: given.value === undefined ? {} : { secret: given.value },
      parameters: { secret, events: ['subscribed', 'unsubscribed'], listId: '' },
    });
    rec.check(`Ecomail trigger, ${label}: 401, no workflow output`, ecomail.response.status === 401 && !ecomail.result.workflowData, `status ${ecomail.response.status}`);
  }
  rec.fault('webhook calls with a missing or wrong secret', wrongSecrets.length * 2);

  // Errors that could carry a key: a refused key through each shell, and a dead GoOut token.
  const sandbox = await startEcomail();
  const { goout, tokens } = await startGoOut(50);
  try {
    const wrong = coreClient(sandbox, SECRETS.wrongEcomailKey).client;
    const error = await wrong.upsertContact(1, { email: 'a@example.cz' }).catch((caught: unknown) => caught);
    capture('core error (refused key)', errorText(error));
    rec.check('core: a refused key is an auth error telling the user what to do', /rejected the API key/.test((error as Error).message), (error as Error).message);

    sandbox.setFaults({ errorRate: 1 });
    const outage = await coreClient(sandbox).client.trackEvent({ email: 'a@example.cz', category: 'x' }).catch((caught: unknown) => caught);
    capture('core error (server down)', errorText(outage));
    sandbox.setFaults({ errorRate: 0 });
    const unreachable = await coreClient({ ...sandbox, url: 'http://127.0.0.1:9' }).client.getLists().catch((caught: unknown) => caught);
    capture('core error (unreachable)', errorText(unreachable));

    const n8n = await runN8n('wrong key', fixture, { ecomailApi: { apiKey: SECRETS.wrongEcomailKey, baseUrl: sandbox.url } }, [{ json: { email: 'a@example.cz', name: 'A', tag: 't', event: 'e' } }]);
    rec.check('n8n: a refused key stops the node with the auth message', /rejected the API key/.test(n8n.nodes.Ecomail?.error ?? ''), n8n.nodes.Ecomail?.error);

    const zapier = await tester(EcomailApp)((EcomailApp as { creates: Record<string, { operation: { perform: unknown } }> }).creates.create_or_update_contact.operation.perform, {
      authData: { apiKey: SECRETS.wrongEcomailKey, baseUrl: sandbox.url },
      inputData: { listId: '1', email: 'a@example.cz' },
    }).catch((caught: unknown) => caught);
    capture('zapier error (refused key)', errorText(zapier));
    rec.check('Zapier: a refused key fails the step', zapier instanceof Error, zapier instanceof Error ? zapier.message : 'no error');

    const cli = await runCli(backfillArgs(), { ...cliEnv(sandbox.url, goout.url, tokens), ECOMAIL_API_KEY: SECRETS.wrongEcomailKey }, tempDir('security'));
    rec.check('CLI: a refused key → exit 3 with the auth message', cli.code === 3 && /rejected the API key/.test(cli.stderr), `exit ${cli.code}`);

    goout.state.expireAccessTokens();
    goout.state.killRefreshTokens();
    const manager = new GoOutTokenManager({ baseUrl: goout.url, ...createNodeRuntime(), initial: tokens });
    const dead = await manager.afterUnauthorized(tokens.accessToken).catch((caught: unknown) => caught);
    capture('core error (dead GoOut refresh token)', errorText(dead));
    rec.check('core: a dead GoOut refresh token is a reconnect error', dead instanceof GoOutReconnectError, (dead as Error).message);
  } finally {
    await Promise.all([sandbox.close(), goout.close()]);
  }

  // The leak scan over everything captured in this run so far.
  const texts = capturedTexts();
  let leaks = 0;
  for (const { where, text } of texts) {
    const found = leaksIn(text);
    if (found.length > 0) {
      leaks++;
      rec.refuse(`LEAK in ${where}`, found.join(', '));
    }
  }
  rec.note(`${texts.length} captured texts searched for ${knownSecretsCount()} keys, tokens and secrets`);
  rec.check('no key, token or secret appears in any captured output, error, report or n8n item', leaks === 0, `${leaks} texts with a leak`);
}
