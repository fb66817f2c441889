/**
 * 3. A slow Ecomail (seconds per answer): nothing may time out and get dropped, and slowness alone
 * must not cause a single retry (a retried write the server already applied would be a duplicate).
 */
import { saveContacts } from '@ecomail-bridge/shared/node';
import fixture from '../../../n8n-nodes/test/fixtures/contact-upsert.workflow.json';
import { coreClient } from '../lib/core';
import { runN8n } from '../lib/n8n';
import { startEcomail } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';
import { SECRETS } from '../lib/secrets';

const LATENCY_MS = 3000;
const SINGLES = 20;
const BULK = 2000;
const N8N_ITEMS = 4;

export async function slowServer(rec: Recorder): Promise<void> {
  const sandbox = await startEcomail({ faults: { latencyMs: LATENCY_MS } });
  try {
    const { client, retries } = coreClient(sandbox);
    const singles = Array.from({ length: SINGLES }, (_, i) => `slow${i}@example.cz`);
    const bulk = Array.from({ length: BULK }, (_, i) => `slow-bulk${i}@example.cz`);
    const n8nEmails = Array.from({ length: N8N_ITEMS }, (_, i) => `slow-n8n${i}@example.cz`);

    // Each single is one Zapier-like run: save the contact, then track its event; all at once.
    const singleRuns = Promise.all(
      singles.map(async (email) => {
        const saved = await saveContacts(client, 1, [{ email }], { tagHandling: 'replace' });
        const [event] = await Promise.allSettled([client.trackEvent({ email, category: 'slow', action: 'test', label: 'x' })]);
        return { outcome: saved.outcomes[0], event };
      }),
    );
    const [runs, bulkOutcomes, n8n] = await Promise.all([
      singleRuns,
      saveContacts(client, 1, bulk.map((email) => ({ email, tags: ['slow'] })), { mode: 'add-and-update', tagHandling: 'replace' }),
      runN8n('slow upsert', fixture, { ecomailApi: { apiKey: SECRETS.ecomailKey, baseUrl: sandbox.url } }, n8nEmails.map((email) => ({
        json: { email, name: 'Pomalý', tag: 'slow', event: 'Revizor' },
      }))),
    ]);
    for (const outcome of [...runs.map((run) => run.outcome), ...bulkOutcomes.outcomes]) if (outcome.status !== 'saved') rec.refuse(outcome.email, outcome.reason);
    runs.forEach(({ event }, i) => event.status === 'rejected' && rec.refuse(singles[i], (event.reason as Error).message));
    rec.check('n8n Ecomail node ran without error', n8n.nodes.Ecomail?.error === undefined, n8n.nodes.Ecomail?.error);

    const calls = sandbox.state.calls();
    rec.fault(`${LATENCY_MS} ms latency on every call`, calls.length);
    rec.check('no retries: slowness is waited for, not retried', retries.length === 0, `${retries.length} retries`);
    const logical = SINGLES + 1 + SINGLES;
    rec.check('one HTTP call per core operation', client.requestCount === logical, `${client.requestCount} calls for ${logical} operations`);

    rec.tally(compare('contacts', [...singles, ...bulk, ...n8nEmails], sandbox.state.contacts().map((contact) => contact.email)));
    rec.tally(compare('events', singles, sandbox.state.events().map((event) => event.email)));
  } finally {
    await sandbox.close();
  }
}
