/**
 * `npm run n8n`: a real local n8n editor (2.40.7 on Node 24) with n8n-nodes-ecomail installed as a
 * community package, the example workflows and their credentials imported, and the Ecomail and
 * GoOut sandboxes running in this process — all on 127.0.0.1, until Ctrl+C.
 * Built from the e2e machinery of `npm run test:n8n` (test/e2e/n8n). The n8n user folder persists
 * in ~/.cache/ecomail-bridge/n8n-editor, so the user's own workflows and edits survive restarts.
 * PORT (default 5678) is the editor's port.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAndPack, installIntoUserFolder } from '../test/e2e/n8n/community-package';
import { freePort } from '../test/e2e/n8n/free-port';
import { N8nDatabase } from '../test/e2e/n8n/n8n-database';
import { lastLines, N8nInstance } from '../test/e2e/n8n/n8n-instance';
import { installN8n } from '../test/e2e/n8n/tools';
import { startEcomailSandbox } from '../test/sandbox/ecomail';
import { ecomailTriggerUrl, importExamples, readExamples } from './n8n-editor-imports';
import { ensureOwner, LOCAL_OWNER } from './n8n-editor-owner';
import { startSeededGoOut } from './sandboxes';

const REPO_ROOT = resolve(__dirname, '..');
const CACHE_ROOT = process.env.ECOMAIL_BRIDGE_CACHE || join(homedir(), '.cache', 'ecomail-bridge');
const USER_FOLDER = join(CACHE_ROOT, 'n8n-editor');
const DEFAULT_PORT = 5678;
/** The first install (~3 GB, ~5 min) has its own bound, as in the e2e run. */
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const START_TIMEOUT_MS = 120_000;

const say = (text = ''): void => void process.stdout.write(`${text}\n`);
const cleanups: Array<() => Promise<void>> = [];
let n8n: N8nInstance | undefined;
let stopping = false;

async function main(): Promise<void> {
  const port = portFromEnv(process.env.PORT);
  const baseUrl = `http://127.0.0.1:${port}`;
  say('Preparing n8n 2.40.7 on Node 24 (first time: a download of about 3 GB, ~5 min)…');
  const tools = await installN8n(REPO_ROOT, INSTALL_TIMEOUT_MS);
  await assertPortFree(port);

  const workDir = await mkdtemp(join(tmpdir(), 'ecomail-n8n-editor-'));
  cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  say('Building and installing n8n-nodes-ecomail into the n8n user folder…');
  const installed = await installIntoUserFolder(await buildAndPack(REPO_ROOT, workDir), USER_FOLDER);

  const examples = await readExamples();
  // New each start, like the sandboxes: the Ecomail webhook credential is rewritten with it.
  const ecomailHookSecret = randomBytes(24).toString('hex');
  const ecomail = await startEcomailSandbox({ listWebhookUrl: ecomailTriggerUrl(examples, baseUrl, ecomailHookSecret) });
  cleanups.push(() => ecomail.close());
  const goout = await startSeededGoOut();
  cleanups.push(() => goout.close());

  const logFile = join(USER_FOLDER, 'n8n.log');
  await writeFile(logFile, '');
  const instance = new N8nInstance({
    ...tools,
    userFolder: USER_FOLDER,
    port,
    taskBrokerPort: await freePort(),
    logFile,
    // A browser keeps n8n's login cookie over plain http on 127.0.0.1 only when it is not `Secure`.
    extraEnv: { N8N_SECURE_COOKIE: 'false' },
  });
  n8n = instance;
  cleanups.push(() => instance.stop());
  const db = new N8nDatabase(tools.nodeBinDir, tools.n8nEntry, instance.databaseFile);

  say('Importing the example workflows and credentials…');
  const report = await importExamples(examples, { n8n: instance, db, ecomail, goout, ecomailHookSecret, workDir });
  await rm(workDir, { recursive: true, force: true });

  say('Starting n8n…');
  await instance.start(START_TIMEOUT_MS, (code) => void stop(`n8n exited (code ${code}); see ${logFile}`, 1));
  const ownerCreated = await ensureOwner(instance.baseUrl);

  say();
  say(`n8n editor:      ${instance.baseUrl}`);
  say(
    ownerCreated
      ? `  log in as ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password} (local owner, created now)`
      : `  log in as ${LOCAL_OWNER.email} / ${LOCAL_OWNER.password} unless you changed it`,
  );
  say(`  community package: ${installed.version} of n8n-nodes-ecomail (nodes Ecomail, Ellity, GoOut Trigger, …)`);
  say(`  workflows imported now: ${list(report.imported)}`);
  say(`  workflows already there (your edits kept): ${list(report.kept)}`);
  say(`  credentials: ${report.credentials.join('; ')}`);
  say(`  user folder (kept between runs): ${USER_FOLDER}   n8n log: ${logFile}`);
  say(`Ecomail sandbox: ${ecomail.url}  list 1 "Newsletter"; its list webhook posts to the "Ecomail Trigger" example once active`);
  say(`GoOut sandbox:   ${goout.url}  ${goout.state.purchaseCount()} purchases of organiser 101 (the GoOut example backfills them once active)`);
  say('Ctrl+C stops n8n and the sandboxes.');
}

const list = (names: readonly string[]): string => (names.length > 0 ? names.map((n) => `"${n}"`).join(', ') : 'none');

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError(`PORT must be 1..65535, got "${value}"`);
  return port;
}

/** n8n would only log EADDRINUSE and exit; say it plainly before anything starts. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} on 127.0.0.1 is in use: stop what uses it or set PORT`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolvePort()));
  });
}

async function stop(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say(`\n${reason}: stopping n8n and the sandboxes…`);
  // Reverse order: n8n first (it may still call the sandboxes), then the sandboxes, then temp files.
  for (const undo of cleanups.splice(0).reverse()) await undo().catch(() => undefined);
  say('Stopped.');
  process.exit(code);
}

process.once('SIGINT', () => void stop('Ctrl+C', 0));
process.once('SIGTERM', () => void stop('SIGTERM', 0));
// Last resort if the process ends any other way: no n8n may outlive it.
process.once('exit', () => n8n?.killNow());

main().catch(async (error: unknown) => {
  if (stopping) return;
  say(`npm run n8n failed: ${error instanceof Error ? error.message : String(error)}`);
  if (n8n) say(`--- last lines of the n8n log ---\n${lastLines(await n8n.serverLog().catch(() => ''), 20)}`);
  await stop('failed', 1);
});
