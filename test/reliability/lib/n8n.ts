/**
 * The n8n package as n8n runs it: the BUILT nodes (dist/) through the package's headless runner
 * and webhook context. Every output item and error is kept for the leak scan.
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import { loadPackage, runWorkflow, type RunResult, type WorkflowJson } from '../../../n8n-nodes/test/harness/runWorkflow';
import { webhookContext, type FakeRequest } from '../../../n8n-nodes/test/harness/webhookContext';
import { capture } from './secrets';

export async function runN8n(name: string, workflow: unknown, credentials: Record<string, ICredentialDataDecryptedObject>, startItems: INodeExecutionData[]): Promise<RunResult> {
  const result = await runWorkflow(workflow as WorkflowJson, { credentials, mode: 'webhook', startItems });
  capture(`n8n ${name} output`, result.nodes);
  return result;
}

export async function triggerNode(name: string): Promise<INodeType> {
  return (await loadPackage()).getNode(name).type as INodeType;
}

/** Calls a trigger's `webhook()` once; returns what n8n would see and what the node answered. */
export async function deliverWebhook(nodeName: string, request: FakeRequest) {
  const call = webhookContext(request);
  const result = await (await triggerNode(nodeName)).webhook!.call(call.context);
  capture(`n8n ${nodeName} webhook`, { result, response: call.response });
  return { result, response: call.response };
}
