/**
 * 1. 429 storm: half of all calls are refused with Retry-After for a while; single upserts, events
 * and an n8n workflow run through it. Nothing may be lost or written twice.
 */
import { saveContacts } from '@ecomail-bridge/shared/node';
import fixture from '../../../n8n-nodes/test/fixtures/contact-upsert.workflow.json';
import { coreClient } from '../lib/core';
import { runN8n } from '../lib/n8n';
import { injectedFaults, startEcomail } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';
import { SECRETS, capture, errorText } from '../lib/secrets';

/** Kept under the client's own 1,000 calls a minute, retries included, so the storm is what is measured. */
const CONTACTS = 120;
const N8N_ITEMS = 20;
const STORM_MS = 8_000;
/** Small on purpose: the policy honours fractions of a second as well as whole seconds. */
const RETRY_AFTER_SECONDS = 0.25;

export async function throttleStorm(rec: Recorder): Promise<void> {
  const sandbox = await startEcomail({ retryAfterSeconds: RETRY_AFTER_SECONDS, faults: { throttleRate: 0.5, seed: 11 } });
  const stormEnds = setTimeout(() => sandbox.setFaults({ throttleRate: 0 }), STORM_MS);
  try {
    const { client, retries } = coreClient(sandbox);
    const emails = Array.from({ length: CONTACTS }, (_, i) => `storm${i}@example.cz`);
    const n8nEmails = Array.from({ length: N8N_ITEMS }, (_, i) => `storm-n8n${i}@example.cz`);

    // Each contact is saved, then its event tracked (Ecomail refuses events of unknown contacts),
    // eight contacts at a time, while an n8n workflow upserts its own items through the same storm.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < emails.length) {
        const i = next++;
        const email = emails[i];
        const saved = await saveContacts(client, 1, [{ email, name: `Storm ${i}` }], { mode: 'add-and-update', tagHandling: 'replace' });
        for (const outcome of saved.outcomes) if (outcome.status !== 'saved') rec.refuse(outcome.email, outcome.reason);
        await client.trackEvent({ email, category: 'storm', action: 'test', label: `e${i}` }).catch((error: unknown) => {
          capture('storm event error', errorText(error));
          rec.refuse(email, (error as Error).message);
        });
      }
    };
    const [, n8n] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, worker)),
      runN8n('storm upsert', fixture, { ecomailApi: { apiKey: SECRETS.ecomailKey, baseUrl: sandbox.url } }, n8nEmails.map((email) => ({
        json: { email, name: 'Bouře', tag: 'storm', event: 'Hamlet' },
      }))),
    ]);

    rec.check('n8n Ecomail node ran without error', n8n.nodes.Ecomail?.error === undefined, n8n.nodes.Ecomail?.error);
    rec.check('n8n emitted one item per input', n8n.nodes.Ecomail?.items?.length === N8N_ITEMS, `${n8n.nodes.Ecomail?.items?.length ?? 0} items`);

    const faults = injectedFaults(sandbox.state.calls());
    rec.fault(`429 + Retry-After ${RETRY_AFTER_SECONDS}s (50% of calls for ${STORM_MS / 1000}s)`, faults.throttled);
    rec.check('the storm was felt', faults.throttled > 50, `${faults.throttled} throttled answers`);
    rec.check('core retries were all rate-limit waits', retries.every((retry) => retry.reason === 'rate-limited'), `${retries.length} retries`);

    rec.tally(compare('contacts', [...emails, ...n8nEmails], sandbox.state.contacts().map((contact) => contact.email)));
    rec.tally(compare('events', emails.map((email, i) => `${email}|e${i}`), sandbox.state.events().map((event) => `${event.email}|${event.label}`)));
  } finally {
    clearTimeout(stormEnds);
    await sandbox.close();
  }
}
