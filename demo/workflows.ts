/**
 * Runs the package's example workflows (n8n-nodes/examples) through n8n's own engine, headless:
 * the runner of the n8n package's tests (n8n-core WorkflowExecute over the BUILT nodes in dist/).
 * Import this module only after N8N_USER_FOLDER is set (n8n-core writes its config there).
 */
import type { IDataObject, INodeType } from 'n8n-workflow';
import type { GoOutPurchase } from '@ecomail-bridge/shared';
import { loadPackage, pollOnce, runWorkflow, type CredentialsByType, type WorkflowJson } from '../n8n-nodes/test/harness/runWorkflow';
import { webhookContext } from '../n8n-nodes/test/harness/webhookContext';
import gooutExample from '../n8n-nodes/examples/goout-to-ecomail.json';
import ellityExample from '../n8n-nodes/examples/ellity-to-ecomail.json';
import { withLocalCredentials } from './example-credentials';
import type { EllityDelivery } from './sandboxes';

/** Output item of the Ecomail node: one per input item. */
export interface NodeOutcome {
  email?: string;
  status: string;
  error?: string;
  /** Label of the tracked Ellity event, when one was tracked. */
  event?: string;
  response?: IDataObject;
}

export interface PollRun {
  purchases: GoOutPurchase[];
  outcomes: NodeOutcome[];
}

export interface GoOutWorkflowInput {
  credentials: CredentialsByType;
  listId: string;
  since: string;
  organizerId?: string;
  /** Something to do between the polls (the sandbox adds purchases). */
  betweenPolls?: () => void;
  polls: number;
}

/** The GoOut example as a user would set it up: their list, a backfill start, their organiser. */
function gooutWorkflow(input: GoOutWorkflowInput): WorkflowJson {
  const workflow = withLocalCredentials(structuredClone(gooutExample) as unknown as WorkflowJson);
  Object.assign(workflow.nodes[0].parameters, { since: input.since, organizerId: input.organizerId ?? '' });
  Object.assign(workflow.nodes[1].parameters, { list: { __rl: true, mode: 'id', value: input.listId } });
  return workflow;
}

/** Polls like n8n's scheduler does (static data carried between polls) and runs the workflow on each result. */
export async function runGoOutExample(input: GoOutWorkflowInput): Promise<PollRun[]> {
  const workflow = gooutWorkflow(input);
  const runs: PollRun[] = [];
  let staticData: IDataObject | undefined;
  for (let poll = 0; poll < input.polls; poll++) {
    if (poll > 0) input.betweenPolls?.();
    const polled = await pollOnce(workflow, 'GoOut Trigger', { credentials: input.credentials, staticData });
    staticData = polled.staticData;
    const purchases = polled.items.map((item) => item.json as unknown as GoOutPurchase);
    if (purchases.length === 0) {
      runs.push({ purchases, outcomes: [] });
      continue;
    }
    const run = await runWorkflow(workflow, { credentials: input.credentials, mode: 'trigger', startItems: polled.items, staticData });
    const ecomail = run.nodes.Ecomail;
    if (ecomail?.error) throw new Error(`The Ecomail node failed: ${ecomail.error}`);
    runs.push({ purchases, outcomes: (ecomail?.items ?? []) as unknown as NodeOutcome[] });
  }
  return runs;
}

export interface EllityRun {
  delivery: EllityDelivery;
  /** Undefined when the trigger emitted nothing (a duplicate, an unselected event). */
  outcome?: NodeOutcome;
  /** The trigger's reply to Ellity. */
  reply: unknown;
}

/** Each delivery: the Ellity Trigger's webhook() as n8n calls it, then the workflow on its output. */
export async function runEllityExample(deliveries: readonly EllityDelivery[], input: { credentials: CredentialsByType; listId: string; secret: string }): Promise<EllityRun[]> {
  const workflow = withLocalCredentials(structuredClone(ellityExample) as unknown as WorkflowJson);
  Object.assign(workflow.nodes[1].parameters, { list: { __rl: true, mode: 'id', value: input.listId } });
  const trigger = (await loadPackage()).getNode('ellityTrigger').type as INodeType;
  const runs: EllityRun[] = [];
  for (const delivery of deliveries) {
    const call = webhookContext({
      body: delivery.body,
      query: { key: input.secret },
      parameters: workflow.nodes[0].parameters,
      credentials: { ellityWebhookApi: { secret: input.secret } },
      nodeId: workflow.nodes[0].id,
    });
    const received = await trigger.webhook!.call(call.context);
    const reply = call.response.body ?? received.webhookResponse;
    if (!received.workflowData) {
      runs.push({ delivery, reply });
      continue;
    }
    const run = await runWorkflow(workflow, { credentials: input.credentials, mode: 'webhook', startItems: received.workflowData[0] });
    const ecomail = run.nodes.Ecomail;
    if (ecomail?.error) throw new Error(`The Ecomail node failed: ${ecomail.error}`);
    runs.push({ delivery, reply, outcome: (ecomail?.items ?? [])[0] as unknown as NodeOutcome });
  }
  return runs;
}
