import type { INodeType } from 'n8n-workflow';
import type { EcomailSandbox } from '../sandbox/ecomail';
import { loadPackage, runWorkflow, type WorkflowJson } from '../../n8n-nodes/test/harness/runWorkflow';
import { webhookContext } from '../../n8n-nodes/test/harness/webhookContext';
import { API_KEYS, LIST, N8N_POLL_SIZE, type Fixture } from './fixture';
import { SHOP_CONSENT_MODE, type ShopFixture } from './shop-fixture';

const ELLITY_SECRET = 'cross-shell-ellity-secret-0123456789';

/** The Ecomail node with every option at its default, fed by a trigger node. */
function workflow(trigger: WorkflowJson['nodes'][number], mapFrom: 'gooutPurchase' | 'ellityEvent' | 'shopOrder'): WorkflowJson {
  return {
    nodes: [
      trigger,
      {
        id: 'ecomail',
        name: 'Ecomail',
        type: 'n8n-nodes-ecomail.ecomail',
        typeVersion: 1,
        position: [250, 0],
        parameters: { resource: 'contact', operation: 'upsert', list: { __rl: true, mode: 'id', value: String(LIST) }, mapFrom, options: {} },
        credentials: { ecomailApi: { id: 'cred-ecomail', name: 'Ecomail sandbox' } },
      },
    ],
    connections: { [trigger.name]: { main: [[{ node: 'Ecomail', type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
  };
}

const gooutTrigger = {
  id: 'goout',
  name: 'GoOut Trigger',
  type: 'n8n-nodes-ecomail.goOutTrigger',
  typeVersion: 1,
  position: [0, 0] as [number, number],
  parameters: { organizerId: '101' },
  credentials: { goOutApi: { id: 'cred-goout', name: 'GoOut sandbox' } },
};

const ellityTrigger = {
  id: 'ellity',
  name: 'Ellity Trigger',
  type: 'n8n-nodes-ecomail.ellityTrigger',
  typeVersion: 1,
  position: [0, 0] as [number, number],
  parameters: { events: ['credit_changed', 'points_expiring', 'pin_changed', 'tier_changed'] },
  credentials: { ellityWebhookApi: { id: 'cred-ellity', name: 'Ellity' } },
};

const credentialsFor = (ecomail: EcomailSandbox) => ({ ecomailApi: { apiKey: API_KEYS[1], baseUrl: ecomail.url } });

/** n8n, GoOut: the trigger's polls (100 purchases each, in GoOut's order) run the Ecomail node in n8n's engine. */
export async function runN8nGoOut(fixture: Fixture, ecomail: EcomailSandbox): Promise<void> {
  const credentials = credentialsFor(ecomail);
  const goout = workflow(gooutTrigger, 'gooutPurchase');
  for (let start = 0; start < fixture.purchases.length; start += N8N_POLL_SIZE) {
    const poll = fixture.purchases.slice(start, start + N8N_POLL_SIZE).map((purchase) => ({ json: purchase as never }));
    const run = await runWorkflow(goout, { credentials, mode: 'trigger', startItems: poll });
    if (run.nodes.Ecomail.error) throw new Error(`n8n GoOut poll failed: ${String(run.nodes.Ecomail.error)}`);
  }
}

/** n8n, Ellity: each delivery goes through the Ellity Trigger's `webhook()` (which drops repeats), then the workflow. */
export async function runN8nEllity(fixture: Fixture, ecomail: EcomailSandbox): Promise<void> {
  const credentials = credentialsFor(ecomail);
  const trigger = (await loadPackage()).getNode('ellityTrigger').type as INodeType;
  const ellity = workflow(ellityTrigger, 'ellityEvent');
  for (const body of fixture.ellityBodies) {
    const call = webhookContext({ body, query: { key: ELLITY_SECRET }, parameters: ellityTrigger.parameters, credentials: { ellityWebhookApi: { secret: ELLITY_SECRET } } });
    const received = await trigger.webhook!.call(call.context);
    if (!received.workflowData) continue;
    await runWorkflow(ellity, { credentials, mode: 'webhook', startItems: received.workflowData[0] });
  }
}

const idoSellTrigger = {
  id: 'idosell',
  name: 'IdoSell Trigger',
  type: 'n8n-nodes-ecomail.idoSellTrigger',
  typeVersion: 1,
  position: [0, 0] as [number, number],
  parameters: { consentMode: SHOP_CONSENT_MODE },
  credentials: { idoSellApi: { id: 'cred-idosell', name: 'IdoSell sandbox' } },
};

/** n8n, IdoSell: the trigger's polls (100 records each, in the shop's order) run the Ecomail node (Map From: Shop Order). */
export async function runN8nShop(fixture: ShopFixture, ecomail: EcomailSandbox): Promise<void> {
  const credentials = credentialsFor(ecomail);
  const shop = workflow(idoSellTrigger, 'shopOrder');
  shop.nodes[1].parameters.consentMode = SHOP_CONSENT_MODE;
  for (const records of fixture.phases) {
    for (let start = 0; start < records.length; start += N8N_POLL_SIZE) {
      const poll = records.slice(start, start + N8N_POLL_SIZE).map((record) => ({ json: record as never }));
      const run = await runWorkflow(shop, { credentials, mode: 'trigger', startItems: poll });
      if (run.nodes.Ecomail.error) throw new Error(`n8n IdoSell poll failed: ${String(run.nodes.Ecomail.error)}`);
    }
  }
}
