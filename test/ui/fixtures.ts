/**
 * What the UI check imports into its n8n: the package's example workflows exactly as shipped, and
 * two workflows of its own: freshly added Create or Update nodes (defaults only; without a
 * credential, with one but no list, and one set to only update existing contacts), and triggers
 * without notes for their canvas subtitles. The one credential points at this run's Ecomail
 * sandbox; nothing else is pre-made, so the credential dialogs are the ones a new user meets.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { N8nInstance } from '../e2e/n8n/n8n-instance';
import type { EcomailSandbox } from '../sandbox/ecomail';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'n8n-nodes', 'examples');
const CLI_TIMEOUT_MS = 90_000;

export const FRESH_NODES = {
  workflowId: 'uiFreshUpsert001',
  withoutCredential: 'Fresh Create or Update',
  withCredential: 'Create or Update, no list yet',
  updateOnly: 'Create or Update, only update existing',
} as const;

/** Triggers without notes, so the canvas shows their subtitles (a note takes the subtitle's place). */
export const TRIGGERS = {
  workflowId: 'uiTriggers000001',
  ellityAll: 'Ellity Trigger, every event',
  ellityOne: 'Ellity Trigger, one event',
  ecomail: 'Ecomail Trigger',
} as const;

const ECOMAIL_CREDENTIAL = { id: 'uiEcomailCred001', name: 'Ecomail sandbox' } as const;

export interface ExampleWorkflow {
  id: string;
  name: string;
  nodes: Array<{ name: string; type: string; notes?: string; credentials?: Record<string, unknown> }>;
}

export async function readExamples(): Promise<ExampleWorkflow[]> {
  const files = (await readdir(EXAMPLES_DIR)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(EXAMPLES_DIR, f), 'utf8')) as ExampleWorkflow));
}

let nodeIds = 0;
/** A node as n8n saves one just dragged in: only the parameters given differ from the defaults. */
function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown> = {}) {
  nodeIds += 1;
  return {
    id: `b1c2d3e4-0000-4000-8000-${String(nodeIds).padStart(12, '0')}`,
    name,
    type: `n8n-nodes-ecomail.${type}`,
    typeVersion,
    position: [nodeIds * 300, 0],
    parameters,
  };
}

function workflow(id: string, name: string, nodes: unknown[]): unknown {
  return { id, name, active: false, nodes, connections: {}, settings: { executionOrder: 'v1' } };
}

function uiWorkflows(): unknown[] {
  const credentials = { ecomailApi: ECOMAIL_CREDENTIAL };
  return [
    workflow(FRESH_NODES.workflowId, 'UI check: fresh Create or Update', [
      node(FRESH_NODES.withoutCredential, 'ecomail', 1),
      { ...node(FRESH_NODES.withCredential, 'ecomail', 1), credentials },
      {
        ...node(FRESH_NODES.updateOnly, 'ecomail', 1, {
          list: { __rl: true, mode: 'id', value: '1' },
          options: { importMode: 'update-only' },
        }),
        credentials,
      },
    ]),
    workflow(TRIGGERS.workflowId, 'UI check: trigger subtitles', [
      { ...node(TRIGGERS.ellityAll, 'ellityTrigger', 1), webhookId: 'a0000000-0000-4000-8000-000000000001' },
      {
        ...node(TRIGGERS.ellityOne, 'ellityTrigger', 1, { events: ['credit_changed'] }),
        webhookId: 'a0000000-0000-4000-8000-000000000002',
      },
      { ...node(TRIGGERS.ecomail, 'ecomailTrigger', 2), webhookId: 'a0000000-0000-4000-8000-000000000003' },
    ]),
  ];
}

export async function importUiFixtures(n8n: N8nInstance, ecomail: EcomailSandbox, workDir: string): Promise<ExampleWorkflow[]> {
  const examples = await readExamples();
  const credentialsFile = join(workDir, 'credentials.json');
  const credential = { ...ECOMAIL_CREDENTIAL, type: 'ecomailApi', data: { apiKey: ecomail.apiKey, baseUrl: ecomail.url } };
  // Owner-only: the sandbox key is in plain text until n8n encrypts it on import.
  await writeFile(credentialsFile, JSON.stringify([credential]), { mode: 0o600 });
  const workflowsFile = join(workDir, 'workflows.json');
  await writeFile(workflowsFile, JSON.stringify([...examples, ...uiWorkflows()]));
  await n8n.cliOk(['import:credentials', `--input=${credentialsFile}`], CLI_TIMEOUT_MS);
  await n8n.cliOk(['import:workflow', `--input=${workflowsFile}`], CLI_TIMEOUT_MS);
  return examples;
}
