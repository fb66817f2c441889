/**
 * `npm run test:n8n`: the real-n8n end-to-end run. Installs (or reuses) n8n 2.40.7 on Node 24,
 * installs our packed community package into a throwaway user folder, points credentials at the
 * loopback sandboxes, imports and publishes the workflows in test/e2e/n8n/workflows and proves
 * each path by reading the sandboxes' state. Exits non-zero on any failure; always stops n8n
 * and the sandboxes. E2E_KEEP_TEMP=1 keeps the work folder (n8n log, database) for debugging.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEcomailSandbox } from '../../sandbox/ecomail';
import { startGoOutSandbox } from '../../sandbox/goout';
import { startGetResponseSandbox } from '../../sandbox/getresponse';
import { startIdoSellSandbox } from '../../sandbox/idosell';
import { startSalesManagoSandbox } from '../../sandbox/salesmanago';
import { waitForActivation } from './activation';
import { checkDestinationCredentials, checkGoOutToGetResponse, checkGoOutToSalesManago, seedDestinationGoOut } from './checks/destinations';
import { checkEcomailListWebhook } from './checks/ecomail-list-webhook';
import { checkEllityWebhook } from './checks/ellity-webhook';
import { checkErrorOutput } from './checks/error-output';
import { checkGoOutLongHistory, LONG_HISTORY_PURCHASES } from './checks/goout-long-history';
import { checkGoOutPoll, OLD_PURCHASES, seedGoOut } from './checks/goout-poll';
import { checkGoOutTokenRace } from './checks/goout-token-race';
import { checkIdoSellPoll, seedIdoSell } from './checks/idosell-poll';
import { checkManualUpsert } from './checks/manual-upsert';
import { callWebhooksWithWrongSecret, checkNoSecretLeaked, runFailingEcomailCalls, runFailingGoOutRefreshes } from './checks/secret-leaks';
import { checkWrongKey } from './checks/wrong-key';
import { buildAndPack, installIntoUserFolder } from './community-package';
import type { E2eContext } from './context';
import { startEllityReceiver } from './ellity-receiver';
import { ecomailListHookUrl, importFixtures } from './fixtures';
import { freePort } from './free-port';
import { N8nDatabase } from './n8n-database';
import { lastLines, N8nInstance } from './n8n-instance';
import { StepLog } from './timings';
import { installN8n } from './tools';
import { LEAK_MARKER, startLeakRig } from './leak-rig';

const REPO_ROOT = resolve(__dirname, '../../..');
/** The first install (~3 GB, ~5 min) has its own bound; everything after it shares this one. */
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const RUN_TIMEOUT_MS = 10 * 60_000;
const KEEP_TEMP = process.env.E2E_KEEP_TEMP === '1';

const log = new StepLog();
const started = Date.now();
const cleanups: Array<() => Promise<void>> = [];
let n8n: N8nInstance | undefined;
let db: N8nDatabase | undefined;
let workDir: string | undefined;

async function main(): Promise<void> {
  workDir = await mkdtemp(join(tmpdir(), 'ecomail-n8n-e2e-'));
  const dir = workDir;
  if (!KEEP_TEMP) cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const userFolder = join(dir, 'user');

  const tools = await log.step('install n8n 2.40.7 + Node 24 (cached after first run)', () =>
    installN8n(REPO_ROOT, INSTALL_TIMEOUT_MS),
  );
  const watchdog = setTimeout(() => void abort(`overall timeout (${RUN_TIMEOUT_MS / 60_000} min) reached`, 1), RUN_TIMEOUT_MS);
  cleanups.push(async () => clearTimeout(watchdog));

  await log.step(
    'build, pack and install n8n-nodes-ecomail',
    async () => installIntoUserFolder(await buildAndPack(REPO_ROOT, dir), userFolder),
    (p) => `v${p.version}, no runtime dependencies`,
  );
  // n8n's port is fixed first: the Ecomail sandbox posts its list webhook to n8n.
  const port = await freePort();
  const { ecomail, goout, gooutLongHistory, gooutRace, idosell, gooutDestinations, getresponse, salesmanago, ellityReceiver, leaks } = await log.step(
    'start Ecomail, four GoOut, IdoSell, GetResponse, SALESmanago, Ellity and the leak check stand-ins',
    async () => {
      const ecomailSandbox = await startEcomailSandbox({ listWebhookUrl: ecomailListHookUrl(port) });
      cleanups.push(() => ecomailSandbox.close());
      const gooutSandbox = await startGoOutSandbox();
      cleanups.push(() => gooutSandbox.close());
      const longHistory = await startGoOutSandbox({ maxLoggedRequests: 5_000 });
      cleanups.push(() => longHistory.close());
      const race = await startGoOutSandbox();
      cleanups.push(() => race.close());
      // Its key carries the leak marker, so the leak check looks for it too.
      const shop = await startIdoSellSandbox({ apiKey: `${LEAK_MARKER}-idosell-key` });
      cleanups.push(() => shop.close());
      const forDestinations = await startGoOutSandbox();
      cleanups.push(() => forDestinations.close());
      const getResponseSandbox = await startGetResponseSandbox();
      cleanups.push(() => getResponseSandbox.close());
      const salesManagoSandbox = await startSalesManagoSandbox();
      cleanups.push(() => salesManagoSandbox.close());
      const receiver = await startEllityReceiver();
      cleanups.push(() => receiver.close());
      const leakRig = await startLeakRig();
      cleanups.push(() => leakRig.close());
      return {
        ecomail: ecomailSandbox,
        goout: gooutSandbox,
        gooutLongHistory: longHistory,
        gooutRace: race,
        idosell: shop,
        gooutDestinations: forDestinations,
        getresponse: getResponseSandbox,
        salesmanago: salesManagoSandbox,
        ellityReceiver: receiver,
        leaks: leakRig,
      };
    },
    (s) =>
      [s.ecomail.url, s.goout.url, s.gooutLongHistory.url, s.gooutRace.url, s.idosell.url, s.gooutDestinations.url, s.getresponse.url, s.salesmanago.url, s.ellityReceiver.url].join(', '),
  );

  const instance = new N8nInstance({
    ...tools,
    userFolder,
    port,
    taskBrokerPort: await freePort(),
    logFile: join(dir, 'n8n.log'),
  });
  n8n = instance;
  cleanups.push(() => instance.stop());
  db = new N8nDatabase(tools.nodeBinDir, tools.n8nEntry, instance.databaseFile);
  const context: E2eContext = {
    n8n: instance,
    db,
    ecomail,
    goout,
    gooutLongHistory,
    gooutRace,
    idosell,
    gooutDestinations,
    getresponse,
    salesmanago,
    ellityReceiver,
    leaks,
    workDir: dir,
  };

  await log.step('import credentials + workflows, publish webhook and poll workflows', () => importFixtures(context));
  // Later checks build on (a)'s contacts (Ellity events update list members only).
  await log.step('(a) manual workflow upserts contacts (n8n execute --id)', () => checkManualUpsert(context), (detail) => detail);
  await log.check('(e) error output receives exactly the failed items (n8n execute --id)', () => checkErrorOutput(context));
  await log.check('(f) refused API key + continue on fail: every item failed with the reason', () => checkWrongKey(context));
  await log.check('(h) leaks: Ecomail node with a refused key, a 5xx storm, no server — continuing, error output, stopping', () =>
    runFailingEcomailCalls(context),
  );
  // Seeded just before activation: the seed dates purchases relative to now (see seedGoOut).
  seedGoOut(goout, OLD_PURCHASES);
  seedGoOut(gooutLongHistory, LONG_HISTORY_PURCHASES);
  seedGoOut(gooutRace, OLD_PURCHASES);
  seedIdoSell(idosell);
  seedDestinationGoOut(gooutDestinations);
  await log.step('start n8n', () => instance.start(120_000), () => instance.baseUrl);
  // Not fatal: a workflow that never activates shows again in the checks that need it.
  await log.check('published workflows active', () => waitForActivation(context, 150_000));
  await log.check('(b) Ellity webhook, every content type → Ecomail event + fields, {"status":"ok"}; wrong secret refused', () =>
    checkEllityWebhook(context),
  );
  await log.check('(c) GoOut poll: new purchases in, refunds as order status, idle poll cost at 10 pages', () => checkGoOutPoll(context));
  await log.check('(g) GoOut poll: idle poll cost at 1,000 pages of history', () => checkGoOutLongHistory(context));
  await log.check('(j) IdoSell poll → Map From: Shop Order: no flood, consenting shoppers with category tags + orders, cancellation', () =>
    checkIdoSellPoll(context),
  );
  await log.check('(d) Ecomail list webhooks (secret parameter and credential) → {"status":"ok"}, Ellity notice', () =>
    checkEcomailListWebhook(context),
  );
  await log.check('(k) GoOut purchases → GetResponse: exactly the consenting buyers, GoOut tags and fields', () => checkGoOutToGetResponse(context));
  await log.check('(k) GoOut purchases → SALESmanago: every buyer, opt-in only with consent, a PURCHASE event each', () => checkGoOutToSalesManago(context));
  await log.check('(k) GetResponse and SALESmanago credential tests through n8n’s REST API, good and refused', () => checkDestinationCredentials(context));
  await log.check('(i) GoOut token race: two triggers refresh from one stored pair, the loser carries on', () => checkGoOutTokenRace(context));
  await log.check('(h) leaks: GoOut Trigger with a dead refresh token, query refresh failing with 5xx / reset', () => runFailingGoOutRefreshes(context));
  await log.check('(h) leaks: webhooks called with a wrong secret refused', () => callWebhooksWithWrongSecret(context));
  await log.check('(h) leaks: no secret in saved execution data, the n8n log, CLI stdout/stderr', () => checkNoSecretLeaked(context));
}

async function runCleanups(): Promise<void> {
  // splice: a second caller (watchdog vs. normal end) finds nothing left to undo.
  for (const undo of cleanups.splice(0).reverse()) await undo().catch(() => undefined);
}

async function printDiagnostics(): Promise<void> {
  if (!n8n) return;
  const executions = await db?.executions().catch(() => []);
  if (executions?.length) {
    const rows = executions.map((e) => `  #${e.id} ${e.workflowId} ${e.mode} ${e.status}`);
    process.stdout.write(`\nn8n executions:\n${rows.join('\n')}\n`);
  }
  const serverLog = await n8n.serverLog().catch(() => '');
  process.stdout.write(`\n--- last lines of the n8n log ---\n${lastLines(serverLog, 40)}\n---\n`);
  if (KEEP_TEMP && workDir) process.stdout.write(`work folder kept: ${workDir}\n`);
}

function finish(code: number): never {
  process.stdout.write(`${log.summary(Date.now() - started)}\n`);
  process.stdout.write(`e2e: ${log.passed} passed, ${log.failed} failed\n`);
  process.exit(code);
}

let aborting = false;
async function abort(reason: string, code: number): Promise<void> {
  if (aborting) return;
  aborting = true;
  process.stdout.write(`\n✗ ${reason}; stopping n8n and the sandboxes\n`);
  await printDiagnostics();
  n8n?.killNow();
  await runCleanups();
  finish(code);
}

process.once('SIGINT', () => void abort('interrupted', 130));
process.once('SIGTERM', () => void abort('terminated', 143));
// Last resort if anything exits the process early: no n8n may outlive the run.
process.once('exit', () => n8n?.killNow());

main().then(
  async () => {
    if (log.failed > 0) await printDiagnostics();
    await runCleanups();
    if (!aborting) finish(log.failed > 0 ? 1 : 0);
  },
  async (error: unknown) => {
    if (aborting) return;
    // Step failures are already reported; anything else (e.g. no temp folder) is said here.
    if (log.failed === 0) process.stdout.write(`✗ ${error instanceof Error ? error.message : String(error)}\n`);
    await printDiagnostics();
    await runCleanups();
    finish(1);
  },
);
