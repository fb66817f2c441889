/**
 * n8n: GoOut purchases through the Ecomail node in one execution, bulk path vs one request per item
 * (the node's "Send in Bulk" off), in n8n's engine via the package tests' headless runner.
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
function ecomailOnly(bulk: boolean, credentialId: string): WorkflowJson {
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
      // Replace: the GoOut tags are the whole set, as the per-contact baseline of the backfill writes them.
      options: { bulk, tagHandling: 'replace' },
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
  const startItems: INodeExecutionData[] = purchases.map((purchase) => ({ json: purchase as never }));
  const before = calls();
  const started = performance.now();
  const run = await runWorkflow(ecomailOnly(bulk, `bench-${bulk ? 'bulk' : 'per-item'}-${ecomail.apiKey}`), {
    credentials: { ecomailApi: { apiKey: ecomail.apiKey, baseUrl: ecomail.url } },
    startItems,
    mode: 'trigger',
  });
  const ms = performance.now() - started;
  const node = run.nodes.Ecomail;
  if (node?.error) throw new Error(`Ecomail node failed: ${node.error}`);
  return { items: purchases.length, ecomailCalls: calls() - before, ms, sent: (node?.items ?? []).filter((item) => item.status === 'sent').length };
}
