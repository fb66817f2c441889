/**
 * The package's three example workflows (n8n-nodes/examples) as `npm run n8n` imports them — each
 * node given the local credential of its type, the GoOut Trigger backfilling the sandbox's
 * purchases (demo/n8n-editor-imports.ts) — pointed at this run's stand-ins and set up for this
 * run, then imported and published with n8n's own CLI.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS } from '../../../demo/example-credentials';
import { readExamples, type ExampleWorkflow } from '../../../demo/n8n-editor-imports';
import type { EcomailSandbox } from '../../sandbox/ecomail';
import { ORGANIZER_ID, type GoOutSandbox } from '../../sandbox/goout';
import type { EllityReceiver } from '../n8n/ellity-receiver';
import type { N8nInstance } from '../n8n/n8n-instance';

export type { ExampleWorkflow };

const CLI_TIMEOUT_MS = 180_000;

export const GOOUT_FIRST_PURCHASE = '2026-01-01T00:00:00+01:00';
/**
 * The whole history in one poll, hence one execution whose contacts and orders go in bulk. Smaller
 * polls end up as executions that the workers run side by side, and a buyer in two of them at
 * once costs a contact read each (docs/n8n-platform.md §12).
 */
export const PURCHASES_PER_POLL = 20_000;
/** n8n refuses sub-minute cron expressions but takes several a minute: a poll every 5 s. */
const EVERY_5_SECONDS = Array.from({ length: 12 }, (_, i) => ({ mode: 'custom', cronExpression: `${i * 5} * * * * *` }));

export const ELLITY_SECRET = 'queue-ellity-secret-0123456789abcdefghijklmn';
export const ECOMAIL_HOOK_SECRET = 'queue-ecomail-hook-secret-0123456789abcdefgh';

export interface StandIns {
  ecomail: EcomailSandbox;
  goout: GoOutSandbox;
  ellityReceiver: EllityReceiver;
}

type Example = ExampleWorkflow['nodes'][number];

function node(workflow: ExampleWorkflow, type: string): Example {
  const found = workflow.nodes.find((n) => n.type === `n8n-nodes-ecomail.${type}`);
  if (!found) throw new Error(`example ${workflow.name} has no ${type} node`);
  return found;
}

/** The example whose first node is this trigger. */
function startedBy(examples: ExampleWorkflow[], trigger: string): ExampleWorkflow {
  const found = examples.find((workflow) => workflow.nodes[0]?.type === `n8n-nodes-ecomail.${trigger}`);
  if (!found) throw new Error(`no example starts with the ${trigger}`);
  return found;
}

/** The examples as this run uses them. */
export async function queueWorkflows(standIns: StandIns): Promise<{ ellity: ExampleWorkflow; goout: ExampleWorkflow; ecomailList: ExampleWorkflow }> {
  const examples = await readExamples();
  const goout = startedBy(examples, 'goOutTrigger');
  Object.assign(node(goout, 'goOutTrigger').parameters, {
    pollTimes: { item: EVERY_5_SECONDS },
    maxPurchases: PURCHASES_PER_POLL,
    // The organiser whose purchases the sandbox seeds; its token also sees another one's sale.
    organizerId: ORGANIZER_ID,
  });
  const ecomailList = startedBy(examples, 'ecomailTrigger');
  node(ecomailList, 'ellity').parameters.url = standIns.ellityReceiver.url;
  return { ellity: startedBy(examples, 'ellityTrigger'), goout, ecomailList };
}

/** The credentials the examples reference, with this run's sandbox URLs, key, tokens and secrets. */
function credentials(standIns: StandIns): unknown[] {
  const reference = (nodeType: string) => LOCAL_CREDENTIALS[`n8n-nodes-ecomail.${nodeType}`];
  const tokens = standIns.goout.initialTokens();
  return [
    { ...reference('ecomail'), data: { apiKey: standIns.ecomail.apiKey, baseUrl: standIns.ecomail.url } },
    { ...reference('goOutTrigger'), data: { initialAccessToken: tokens.accessToken, refreshToken: tokens.refreshToken, baseUrl: standIns.goout.url } },
    { ...reference('ellityTrigger'), data: { secret: ELLITY_SECRET } },
    { ...reference('ecomailTrigger'), data: { secret: ECOMAIL_HOOK_SECRET } },
  ];
}

/** import:credentials, import:workflow, then publish:workflow for each (they all have triggers). */
export async function importAndPublish(main: N8nInstance, workflows: ExampleWorkflow[], standIns: StandIns, workDir: string): Promise<void> {
  const credentialsFile = join(workDir, 'credentials.json');
  const workflowsFile = join(workDir, 'workflows.json');
  // Owner-only: the sandbox key and tokens in plain text until n8n encrypts them on import.
  await writeFile(credentialsFile, JSON.stringify(credentials(standIns), null, 2), { mode: 0o600 });
  await writeFile(workflowsFile, JSON.stringify(workflows, null, 2));
  await main.cliOk(['import:credentials', `--input=${credentialsFile}`], CLI_TIMEOUT_MS);
  await main.cliOk(['import:workflow', `--input=${workflowsFile}`], CLI_TIMEOUT_MS);
  await Promise.all(workflows.map((workflow) => main.cliOk(['publish:workflow', `--id=${workflow.id}`], CLI_TIMEOUT_MS)));
}

/** A webhook trigger's production URL on one n8n process: `<base>/webhook/<webhookId>/<path>`. */
export function productionUrl(process: N8nInstance, workflow: ExampleWorkflow, type: string, path: string): string {
  const trigger = node(workflow, type);
  return `${process.baseUrl}/webhook/${trigger.webhookId}/${path}`;
}
