/**
 * 6. Webhooks delivered twice and out of order, through the n8n triggers' `webhook()` and the
 * workflow n8n would then run (built package, real HTTP to the Ecomail sandbox):
 * - Ellity: three loyalty changes, each delivered twice, the first two swapped;
 * - Ecomail list webhook: one subscribe delivered twice into "add tag + track event".
 */
import ellityFixture from '../../../n8n-nodes/test/fixtures/ellity-to-ecomail.workflow.json';
import tagsFixture from '../../../n8n-nodes/test/fixtures/contact-tags.workflow.json';
import { coreClient } from '../lib/core';
import { deliverWebhook, runN8n } from '../lib/n8n';
import { startEcomail } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';
import { SECRETS } from '../lib/secrets';

interface Change {
  email: string;
  credit: number;
  delta: number;
}

const ellityBody = (change: Change) =>
  JSON.stringify({
    schema: 'ellity-webhook/1',
    trigger: 'credit_changed',
    eshopId: '456',
    customer: { id: '1', email: change.email, credit: String(change.credit), tierName: '#customer.tier.name#' },
    creditChange: { value: String(change.delta) },
  });

export async function webhooksTwice(rec: Recorder): Promise<void> {
  const sandbox = await startEcomail();
  const ecomailCredentials = { ecomailApi: { apiKey: SECRETS.ecomailKey, baseUrl: sandbox.url } };
  try {
    // --- Ellity -------------------------------------------------------------------------------
    const a1 = { email: 'jana.ellity@example.cz', credit: 100, delta: 50 };
    const a2 = { email: 'jana.ellity@example.cz', credit: 150, delta: 50 };
    const b1 = { email: 'petr.ellity@example.cz', credit: 20, delta: -5 };
    // Loyalty events only ever update list members (docs/pipeline.md §7): the customers are in the list.
    for (const email of [a1.email, b1.email]) await coreClient(sandbox).client.upsertContact(1, { email });
    // a2 arrives before a1 (out of order); every change arrives twice.
    const deliveries: Change[] = [a2, a1, a2, b1, b1, a1];
    let executions = 0;
    for (const change of deliveries) {
      const { result } = await deliverWebhook('ellityTrigger', {
        body: ellityBody(change),
        query: { key: SECRETS.webhookSecret },
        parameters: ellityFixture.nodes[0].parameters,
        credentials: { ellityWebhookApi: { secret: SECRETS.webhookSecret } },
        nodeId: 'reliability-ellity',
      });
      if (!result.workflowData) continue;
      executions++;
      const run = await runN8n('ellity → ecomail', ellityFixture, ecomailCredentials, result.workflowData[0]);
      if (run.nodes.Ecomail?.error) rec.refuse(change.email, run.nodes.Ecomail.error);
    }
    rec.fault('Ellity deliveries repeated', 3);
    rec.fault('Ellity deliveries out of order', 1);
    rec.check('each distinct Ellity change started one workflow', executions === 3, `${executions} executions for 6 deliveries`);
    const ellityEvents = sandbox.state.events().filter((event) => event.category === 'ellity');
    rec.tally(compare('Ellity events', [a1, a2, b1].map((c) => `${c.email}|${c.credit}`), ellityEvents.map((event) => `${event.email}|${JSON.parse(event.value ?? '{}').credit}`)));
    const jana = sandbox.state.contact(a1.email)?.lists['1']?.c_fields;
    rec.note(`Out-of-order Ellity changes: both events are recorded, and the ellity_credit field holds the value of the LAST DELIVERED change (${String(jana?.ellity_credit)}; the newer balance was 150). Ellity sends no timestamp or sequence, so arrival order is the only order there is.`);

    // --- Ecomail list webhook ----------------------------------------------------------------
    const subscriber = 'lucie.list@example.cz';
    await coreClient(sandbox).client.upsertContact(1, { email: subscriber });
    const eventsBefore = sandbox.state.events().length;
    let listExecutions = 0;
    for (let delivery = 0; delivery < 2; delivery++) {
      const { result } = await deliverWebhook('ecomailTrigger', {
        body: { payload: { email: subscriber, status: 'SUBSCRIBED', listId: 1, campaignId: null } },
        query: { secret: SECRETS.webhookSecret },
        parameters: { secret: SECRETS.webhookSecret, events: ['subscribed', 'unsubscribed'], listId: '' },
        nodeId: 'reliability-ecomail',
      });
      if (!result.workflowData) continue;
      listExecutions++;
      const run = await runN8n('ecomail list webhook → tags + event', tagsFixture, ecomailCredentials, result.workflowData[0]);
      for (const node of ['Add Tags', 'Track Event']) if (run.nodes[node]?.error) rec.refuse(`${subscriber} (${node})`, run.nodes[node].error!);
    }
    rec.fault('Ecomail list webhook repeated', 1);
    const tags = sandbox.state.contact(subscriber)?.tags ?? [];
    rec.check('the tags the workflow adds are present once each', tags.filter((tag) => tag === 'VIP').length === 1 && tags.includes('drama'), tags.join(', '));
    rec.note(`Ecomail list webhook: ${listExecutions} workflow executions for 2 identical deliveries.`);
    rec.tally(compare('events tracked by the list-webhook workflow', [subscriber], sandbox.state.events().slice(eventsBefore).map((event) => event.email)));
  } finally {
    await sandbox.close();
  }
}
