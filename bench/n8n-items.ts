/**
 * n8n: GoOut purchases through the Ecomail node, all items in one execution (the core sends them
 * in bulk) vs one execution per item (a workflow started once per purchase, as a webhook would),
 * in n8n's engine via the package tests' headless runner.
 * Import only after N8N_USER_FOLDER is set (n8n-core writes its config there).
 */
import type { INode, INodeExecutionData } from 'n8n-workflow';
import type { GoOutPurchase } from '@ecomail-bridge/shared';
import { runWorkflow, type WorkflowJson } from '../n8n-nodes/test/harness/runWorkflow';
import type { EcomailAccess } from './backfill-ours';

export interface N8nFigures {
  items: number;
  ecomailCalls: number;
  ms: number;
  sent: number;
}

/** A one-node workflow: the items go straight into the Ecomail node, mapped from GoOut purchases. */
function ecomailOnly(credentialId: string): WorkflowJson {
  const node = {
    id: 'ecomail',
    name: 'Ecomail',
    type: 'n8n-nodes-ecomail.ecomail',
    typeVersion: 1,
    position: [0, 0],
    parameters: {
      resource: 'contact',
      operation: 'upsert',
      list: { __rl: true, mode: 'id', value: '1' },
      mapFrom: 'gooutPurchase',
      tags: [],
      // Replace and no orders: the GoOut tags are the whole set and only contacts are written, as the
      // per-contact baseline of the backfill writes them.
      options: { tagHandling: 'replace', createOrder: false },
    },
    // The node's limiter is keyed by the credential id: one per run, like two separate n8n credentials.
    credentials: { ecomailApi: { id: credentialId, name: credentialId } },
  } as unknown as INode;
  return { nodes: [node], connections: {}, settings: { executionOrder: 'v1' } };
}

export async function runEcomailNode(
  purchases: readonly GoOutPurchase[],
  ecomail: EcomailAccess,
  bulk: boolean,
  calls: () => number,
): Promise<N8nFigures> {
  const items: INodeExecutionData[] = purchases.map((purchase) => ({ json: purchase as never }));
  const workflow = ecomailOnly(`bench-${bulk ? 'bulk' : 'per-item'}-${ecomail.apiKey}`);
  const executions = bulk ? [items] : items.map((item) => [item]);
  const before = calls();
  const started = performance.now();
  let sent = 0;
  for (const startItems of executions) {
    const run = await runWorkflow(workflow, {
      credentials: { ecomailApi: { apiKey: ecomail.apiKey, baseUrl: ecomail.url } },
      startItems,
      mode: 'trigger',
    });
    const node = run.nodes.Ecomail;
    if (node?.error) throw new Error(`Ecomail node failed: ${node.error}`);
    sent += (node?.items ?? []).filter((item) => item.status === 'sent').length;
  }
  return { items: purchases.length, ecomailCalls: calls() - before, ms: performance.now() - started, sent };
}
