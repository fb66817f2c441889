/**
 * One real n8n 2.40.7 for the UI check, built from the e2e run's parts: the packed package
 * installed as a community package, the Ecomail sandbox, the fixtures imported through n8n's CLI,
 * n8n started on 127.0.0.1 with its calls home off, and the local owner created through n8n's REST
 * API. stop() ends n8n, the sandbox and the temp folder, in that order.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureOwner, LOCAL_OWNER } from '../../demo/n8n-editor-owner';
import { buildAndPack, installIntoUserFolder } from '../e2e/n8n/community-package';
import { freePort } from '../e2e/n8n/free-port';
import { N8nInstance } from '../e2e/n8n/n8n-instance';
import type { StepLog } from '../e2e/n8n/timings';
import { installN8n } from '../e2e/n8n/tools';
import { startEcomailSandbox, type EcomailSandbox } from '../sandbox/ecomail';
import { importUiFixtures, type ExampleWorkflow } from './fixtures';

const REPO_ROOT = resolve(__dirname, '../..');
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const START_TIMEOUT_MS = 120_000;

export interface UiSession {
  n8n: N8nInstance;
  ecomail: EcomailSandbox;
  examples: ExampleWorkflow[];
  owner: typeof LOCAL_OWNER;
  workDir: string;
}

export async function startUiSession(log: StepLog, cleanups: Array<() => Promise<void>>): Promise<UiSession> {
  const workDir = await mkdtemp(join(tmpdir(), 'ecomail-ui-'));
  if (process.env.UI_KEEP_TEMP !== '1') cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  const userFolder = join(workDir, 'user');
  const tools = await log.step('install n8n 2.40.7 + Node 24 (cached)', () => installN8n(REPO_ROOT, INSTALL_TIMEOUT_MS));
  await log.step('build, pack and install n8n-nodes-ecomail', async () =>
    installIntoUserFolder(await buildAndPack(REPO_ROOT, workDir), userFolder),
  );
  const ecomail = await startEcomailSandbox();
  cleanups.push(() => ecomail.close());
  const n8n = new N8nInstance({
    ...tools,
    userFolder,
    port: await freePort(),
    taskBrokerPort: await freePort(),
    logFile: join(workDir, 'n8n.log'),
    // The browser keeps n8n's login cookie over plain http only when it is not `Secure`.
    extraEnv: { N8N_SECURE_COOKIE: 'false' },
  });
  cleanups.push(() => n8n.stop());
  const examples = await log.step('import the examples and the fresh-node workflow', () => importUiFixtures(n8n, ecomail, workDir));
  await log.step('start n8n and create the owner', async () => {
    await n8n.start(START_TIMEOUT_MS);
    await ensureOwner(n8n.baseUrl);
    return n8n.baseUrl;
  });
  return { n8n, ecomail, examples, owner: LOCAL_OWNER, workDir };
}
