import type { ICredentialDataDecryptedObject, IDataObject, INodeType } from 'n8n-workflow';
import type { EcomailSandbox } from '../sandbox/ecomail';
import { destinationWorkflow, type DestinationNode } from '../../n8n-nodes/test/harness/destinationWorkflow';
import { loadPackage, runWorkflow, type WorkflowJson } from '../../n8n-nodes/test/harness/runWorkflow';
import { webhookContext } from '../../n8n-nodes/test/harness/webhookContext';
import { API_KEYS, LIST, N8N_POLL_SIZE, type Fixture } from './fixture';
import { SHOP_CONSENT_MODE, type ShopFixture } from './shop-fixture';

const ELLITY_SECRET = 'cross-shell-ellity-secret-0123456789';

/**
 * The Ecomail node with every option at its default, fed by a trigger node. The node's rate limiter
 * is per credential and lives in this process, so a source with a credential of its own does not
 * wait for the calls the earlier ones made.
 */
function workflow(trigger: WorkflowJson['nodes'][number], mapFrom: 'gooutPurchase' | 'ellityEvent' | 'shopOrder', credentialId = 'cred-ecomail'): WorkflowJson {
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
        credentials: { ecomailApi: { id: credentialId, name: 'Ecomail sandbox' } },
      },
    ],
    connections: { [trigger.name]: { main: [[{ node: 'Ecomail', type: 'main', index: 0 }]] } },
    settings: { executionOrder: 'v1' },
  };
}

/** A trigger node of the package at the start of the workflow. */
const triggerNode = (name: string, type: string, parameters: IDataObject, credentials: Record<string, { id: string; name: string }>) => ({
  id: type,
  name,
  type: `n8n-nodes-ecomail.${type}`,
  typeVersion: 1,
  position: [0, 0] as [number, number],
  parameters: parameters as WorkflowJson['nodes'][number]['parameters'],
  credentials,
});

const gooutTrigger = triggerNode('GoOut Trigger', 'goOutTrigger', { organizerId: '101' }, { goOutApi: { id: 'cred-goout', name: 'GoOut sandbox' } });
const ellityTrigger = triggerNode(
  'Ellity Trigger',
  'ellityTrigger',
  { events: ['credit_changed', 'points_expiring', 'pin_changed', 'tier_changed'] },
  { ellityWebhookApi: { id: 'cred-ellity', name: 'Ellity' } },
);
const idoSellTrigger = triggerNode('IdoSell Trigger', 'idoSellTrigger', { consentMode: SHOP_CONSENT_MODE }, { idoSellApi: { id: 'cred-idosell', name: 'IdoSell sandbox' } });

const credentialsFor = (ecomail: EcomailSandbox) => ({ ecomailApi: { apiKey: API_KEYS[1], baseUrl: ecomail.url } });

/** Each poll of 100 records (in the source's order) runs the workflow once, as the trigger would start it. */
async function runPolls(
  json: WorkflowJson,
  records: readonly unknown[],
  credentials: Record<string, ICredentialDataDecryptedObject>,
  what: string,
  node = 'Ecomail',
): Promise<void> {
  for (let start = 0; start < records.length; start += N8N_POLL_SIZE) {
    const poll = records.slice(start, start + N8N_POLL_SIZE).map((record) => ({ json: record as never }));
    const run = await runWorkflow(json, { credentials, mode: 'trigger', startItems: poll });
    if (run.nodes[node].error) throw new Error(`n8n ${what} poll failed: ${String(run.nodes[node].error)}`);
  }
}

/** n8n, GoOut into another destination: the trigger's polls run its node (Map From: GoOut Purchase), options at their defaults. */
export async function runN8nGoOutInto(fixture: Fixture, node: DestinationNode, credentials: Record<string, ICredentialDataDecryptedObject>): Promise<void> {
  await runPolls(destinationWorkflow('gooutPurchase', node), fixture.purchases, credentials, node.name, node.name);
}

/** n8n, GoOut: the trigger's polls run the Ecomail node (Map From: GoOut Purchase) in n8n's engine. */
export async function runN8nGoOut(fixture: Fixture, ecomail: EcomailSandbox): Promise<void> {
  await runPolls(workflow(gooutTrigger, 'gooutPurchase'), fixture.purchases, credentialsFor(ecomail), 'GoOut');
}

/** n8n, Ellity: each delivery goes through the Ellity Trigger's `webhook()` (which drops repeats), then the workflow. */
export async function runN8nEllity(fixture: Fixture, ecomail: EcomailSandbox): Promise<void> {
  const credentials = credentialsFor(ecomail);
  const trigger = (await loadPackage()).getNode('ellityTrigger').type as INodeType;
  const ellity = workflow(ellityTrigger, 'ellityEvent');
  for (const body of fixture.ellityBodies) {
    const call = webhookContext({ body, query: { key: ELLITY_SECRET }, parameters: ellityTrigger.parameters as IDataObject, credentials: { ellityWebhookApi: { secret: ELLITY_SECRET } } });
    const received = await trigger.webhook!.call(call.context);
    if (!received.workflowData) continue;
    await runWorkflow(ellity, { credentials, mode: 'webhook', startItems: received.workflowData[0] });
  }
}

/** n8n, IdoSell: the trigger's polls, first read then the cancellations, run the Ecomail node (Map From: Shop Order). */
export async function runN8nShop(fixture: ShopFixture, ecomail: EcomailSandbox): Promise<void> {
  const shop = workflow(idoSellTrigger, 'shopOrder', 'cred-ecomail-shop');
  shop.nodes[1].parameters.consentMode = SHOP_CONSENT_MODE;
  for (const records of fixture.phases) await runPolls(shop, records, credentialsFor(ecomail), 'IdoSell');
}
