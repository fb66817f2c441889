/**
 * What `npm run n8n` puts into the editor's persistent n8n: the package's example workflows
 * (n8n-nodes/examples) and the credentials they reference, through n8n's own CLI like the e2e run.
 * Each node gets the local credential of its type (./example-credentials). Workflows are imported
 * only when missing, so the user's edits survive restarts. The Ecomail, GoOut and Ecomail webhook
 * credentials are rewritten on every start: the sandboxes are new each time (port, tokens, the list
 * webhook's secret).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EcomailSandbox } from '../test/sandbox/ecomail';
import type { GoOutSandbox } from '../test/sandbox/goout';
import type { N8nDatabase } from '../test/e2e/n8n/n8n-database';
import type { N8nInstance } from '../test/e2e/n8n/n8n-instance';
import { withLocalCredentials } from './example-credentials';
import { SANDBOX_SINCE } from './sandboxes';

const EXAMPLES_DIR = join(__dirname, '..', 'n8n-nodes', 'examples');
const CLI_TIMEOUT_MS = 90_000;

interface ExampleNode {
  name: string;
  type: string;
  webhookId?: string;
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
}

export interface ExampleWorkflow {
  id: string;
  name: string;
  nodes: ExampleNode[];
}

export interface ImportReport {
  imported: string[];
  kept: string[];
  /** Credential name → what happened to it. */
  credentials: string[];
}

/** The examples as a local user would set them up: the GoOut trigger backfills the sandbox's purchases. */
export async function readExamples(): Promise<ExampleWorkflow[]> {
  const files = (await readdir(EXAMPLES_DIR)).filter((f) => f.endsWith('.json')).sort();
  const workflows = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(EXAMPLES_DIR, f), 'utf8')) as ExampleWorkflow),
  );
  for (const node of workflows.flatMap((w) => w.nodes)) {
    // Empty `since` means "from activation on": the sandbox's purchases are older, nothing would arrive.
    if (node.type === 'n8n-nodes-ecomail.goOutTrigger') node.parameters.since = SANDBOX_SINCE;
  }
  return workflows.map(withLocalCredentials);
}

/**
 * The Ecomail Trigger example's production URL with `?secret=` and its credential's secret, for the
 * Ecomail sandbox's list webhook: once the user activates that workflow, sandbox (un)subscribes reach it.
 */
export function ecomailTriggerUrl(examples: readonly ExampleWorkflow[], n8nBaseUrl: string, secret: string): string | undefined {
  const trigger = examples.flatMap((w) => w.nodes).find((n) => n.type === 'n8n-nodes-ecomail.ecomailTrigger');
  if (!trigger?.webhookId) return undefined;
  return `${n8nBaseUrl}/webhook/${trigger.webhookId}/webhook?secret=${encodeURIComponent(secret)}`;
}

export interface ImportTarget {
  n8n: N8nInstance;
  db: N8nDatabase;
  ecomail: EcomailSandbox;
  goout: GoOutSandbox;
  /** The secret this run's Ecomail sandbox puts in its list webhook URL. */
  ecomailHookSecret: string;
  /** Private scratch folder for the import files (credentials in plain text until n8n encrypts them). */
  workDir: string;
}

export async function importExamples(examples: readonly ExampleWorkflow[], target: ImportTarget): Promise<ImportReport> {
  const existingWorkflows = await existingIds(target, 'workflow_entity');
  const existingCredentials = await existingIds(target, 'credentials_entity');
  const report: ImportReport = { imported: [], kept: [], credentials: [] };

  const credentials: unknown[] = [];
  for (const [type, { id, name }] of referencedCredentials(examples)) {
    const data = sandboxCredentialData(type, target);
    if (data) {
      credentials.push({ id, name, type, data });
      report.credentials.push(`${name} → this run's ${type === 'goOutApi' ? 'GoOut' : 'Ecomail'} sandbox`);
    } else if (!existingCredentials.has(id)) {
      credentials.push({ id, name, type, data: { secret: randomBytes(24).toString('hex') } });
      report.credentials.push(`${name} (created, random secret)`);
    } else report.credentials.push(`${name} (kept)`);
  }
  if (credentials.length > 0) {
    const file = join(target.workDir, 'credentials.json');
    await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
    await target.n8n.cliOk(['import:credentials', `--input=${file}`], CLI_TIMEOUT_MS);
  }

  const missing = examples.filter((w) => !existingWorkflows.has(w.id));
  for (const w of examples) (missing.includes(w) ? report.imported : report.kept).push(w.name);
  if (missing.length > 0) {
    const file = join(target.workDir, 'workflows.json');
    await writeFile(file, JSON.stringify(missing));
    await target.n8n.cliOk(['import:workflow', `--input=${file}`], CLI_TIMEOUT_MS);
  }
  return report;
}

/** The credentials the examples reference, one per type (they share ids across workflows). */
function referencedCredentials(examples: readonly ExampleWorkflow[]): Map<string, { id: string; name: string }> {
  const byType = new Map<string, { id: string; name: string }>();
  for (const node of examples.flatMap((w) => w.nodes)) {
    for (const [type, ref] of Object.entries(node.credentials ?? {})) byType.set(type, ref);
  }
  return byType;
}

/** Credentials bound to this run's sandboxes; undefined for the ones that are not (the Ellity secret). */
function sandboxCredentialData(type: string, target: ImportTarget): Record<string, string> | undefined {
  if (type === 'ecomailApi') return { apiKey: target.ecomail.apiKey, baseUrl: target.ecomail.url };
  if (type === 'ecomailWebhookApi') return { secret: target.ecomailHookSecret };
  if (type === 'goOutApi') {
    // As pasted by a user: the working access token is empty until the first refresh.
    const tokens = target.goout.initialTokens();
    return { initialAccessToken: tokens.accessToken, refreshToken: tokens.refreshToken, baseUrl: target.goout.url };
  }
  return undefined;
}

/** Ids already in n8n's database; none before the first CLI command has created it. */
async function existingIds(target: ImportTarget, table: 'workflow_entity' | 'credentials_entity'): Promise<Set<string>> {
  if (!existsSync(target.n8n.databaseFile)) return new Set();
  const rows = await target.db.query<{ id: string }>(`select id from ${table}`);
  return new Set(rows.map((r) => r.id));
}
