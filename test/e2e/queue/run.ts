/**
 * `npm run test:queue`: the n8n package in n8n's queue mode. Installs (or reuses) Redis and
 * PostgreSQL from Debian's packages and n8n 2.40.7 on Node 24, starts them on 127.0.0.1 as
 * 1 main + 1 webhook process + 2 workers with the packed community package, imports and publishes
 * the example workflows pointed at the sandboxes. While only main and the webhook process run, it
 * posts 500 Ellity deliveries (20 % repeats) and 50 Ecomail list webhooks (10 repeats) over both
 * webhook URLs, and main's GoOut Trigger polls a backfill of 20,000 purchases; then the two workers
 * start and drain that backlog at once, with the Ecomail sandbox at its real 1,000 calls a minute
 * and 5 % faults.
 * Asserts no duplicate and no loss, the GoOut token chain intact, and writes REPORT.md beside this
 * file. Everything it started is stopped at the end; E2E_KEEP_TEMP=1 keeps the work folder.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EcomailClient } from '@ecomail-bridge/shared';
import { createNodeRuntime } from '@ecomail-bridge/shared/node';
import { startEcomailSandbox, type EcomailSandbox } from '../../sandbox/ecomail';
import { startGoOutSandbox } from '../../sandbox/goout';
import { buildAndPack, installIntoUserFolder } from '../n8n/community-package';
import { startEllityReceiver } from '../n8n/ellity-receiver';
import { lastLines } from '../n8n/n8n-instance';
import { StepLog } from '../n8n/timings';
import { installN8n } from '../n8n/tools';
import { waitFor } from '../n8n/wait-for';
import { queueCluster, WORKER_CONCURRENCY, WORKERS, type QueueCluster } from './cluster';
import type { QueueContext } from './context';
import { ecomailTraffic } from './ecomail-traffic';
import { CHANGES, customerEmail, postEllity, settleEllity } from './ellity-deliveries';
import { checkBackfill, GOOUT_ACCESS_TTL_MS, seedGoOut } from './goout-backfill';
import { postListWebhooks, settleListWebhooks } from './list-webhooks';
import { renderQueueReport, type Check, type QueueReport } from './report';
import { installQueueServices, startQueueServices, type QueueServices } from './services';
import { importAndPublish, queueWorkflows } from './workflows';

const REPO_ROOT = resolve(__dirname, '../../..');
const REPORT_FILE = join(__dirname, 'REPORT.md');
const INSTALL_TIMEOUT_MS = 20 * 60_000;
/** Everything after the installs; the run itself takes about 6 minutes on two loaded cores. */
const RUN_TIMEOUT_MS = 25 * 60_000;
const PHASE_TIMEOUT_MS = 12 * 60_000;
const KEEP_TEMP = process.env.E2E_KEEP_TEMP === '1';
const PROGRESS_EVERY_MS = 20_000;
/** 5 % of Ecomail calls fail before they are processed: 3 % with 500/502/503, 2 % with a reset connection. */
const ECOMAIL_FAULTS = { errorRate: 0.03, resetRate: 0.02, seed: 2026 };

const log = new StepLog();
const started = Date.now();
const cleanups: Array<() => Promise<void>> = [];
const checks: Check[] = [];
const report: QueueReport = { startedAt: new Date(), durationMs: 0, setup: '', checks, steps: log.results };
let cluster: QueueCluster | undefined;
let workDir: string | undefined;
/** For the report's traffic table, also when a phase fails. */
let traffic: { ecomail: EcomailSandbox; since: number } | undefined;

function check(name: string, ok: boolean, detail: string): void {
  checks.push({ name, ok, detail });
  process.stdout.write(`  ${ok ? '✓' : '✗'} ${name} (${detail})\n`);
}

async function main(): Promise<void> {
  // Under /tmp, not the clone: PostgreSQL (run as its own user) keeps its data in here.
  workDir = await mkdtemp(join(tmpdir(), 'ecomail-queue-'));
  const dir = workDir;
  if (!KEEP_TEMP) cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const userFolder = join(dir, 'user');

  const tools = await log.step('install n8n 2.40.7 + Node 24 (cached after first run)', () => installN8n(REPO_ROOT, INSTALL_TIMEOUT_MS));
  const binaries = await log.step('install Redis and PostgreSQL (Debian packages, once)', () => installQueueServices(REPO_ROOT, INSTALL_TIMEOUT_MS), (b) => `${b.postgresBin}, ${b.redisServer}`);
  const watchdog = setTimeout(() => void abort(`overall timeout (${RUN_TIMEOUT_MS / 60_000} min) reached`, 1), RUN_TIMEOUT_MS);
  cleanups.push(async () => clearTimeout(watchdog));

  await log.step('build, pack and install n8n-nodes-ecomail', async () => installIntoUserFolder(await buildAndPack(REPO_ROOT, dir), userFolder), (p) => `v${p.version}`);
  const services: QueueServices = await log.step('start PostgreSQL and Redis on 127.0.0.1', async () => {
    const started = await startQueueServices(binaries, dir);
    cleanups.push(() => started.stop());
    return started;
  }, (s) => `postgres :${s.postgres.port}, redis :${s.redis.port}`);

  const { ecomail, goout, ellityReceiver } = await log.step('start the Ecomail (1,000 calls/min) and GoOut sandboxes and the Ellity stand-in', async () => {
    const ecomailSandbox = await startEcomailSandbox();
    cleanups.push(() => ecomailSandbox.close());
    const gooutSandbox = await startGoOutSandbox({ accessTtlMs: GOOUT_ACCESS_TTL_MS, maxLoggedRequests: 200_000 });
    cleanups.push(() => gooutSandbox.close());
    const receiver = await startEllityReceiver();
    cleanups.push(() => receiver.close());
    return { ecomail: ecomailSandbox, goout: gooutSandbox, ellityReceiver: receiver };
  });

  const workflows = await queueWorkflows({ ecomail, goout, ellityReceiver });
  const built = await queueCluster(tools, services, userFolder, dir);
  cluster = built;
  cleanups.push(() => built.stop());
  const context: QueueContext = { cluster: built, services, ecomail, goout, ellityReceiver, workflows, workDir: dir };
  report.setup = `n8n 2.40.7 on Node 24 in queue mode: 1 main + 1 webhook process + ${WORKERS} workers × ${WORKER_CONCURRENCY} executions, PostgreSQL and Redis on 127.0.0.1; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)} at the start.`;

  await log.step('import credentials and the three example workflows, publish them (n8n CLI, PostgreSQL)', () =>
    importAndPublish(built.main, Object.values(workflows), { ecomail, goout, ellityReceiver }, dir),
  );
  await log.step(`seed: ${CHANGES} Ellity customers in the Ecomail list, 20,000 GoOut purchases`, async () => {
    await seedEllityCustomers(ecomail);
    seedGoOut(context);
    ecomail.setFaults(ECOMAIL_FAULTS);
  });

  const clusterStart = Date.now();
  traffic = { ecomail, since: clusterStart };
  const progress = setInterval(() => printProgress(context, clusterStart), PROGRESS_EVERY_MS);
  cleanups.push(async () => clearInterval(progress));
  await log.step('start n8n: main (activation, polls, webhooks), then the webhook process', () => built.startFront(180_000), () => `main ${built.main.baseUrl}, webhook ${built.webhook.baseUrl}`);
  await log.step('published workflows active (webhooks registered by main)', () =>
    waitFor(
      async () => {
        const rows = await services.query<{ workflowId: string }>('select distinct "workflowId" from webhook_entity');
        return rows.length >= 2 ? rows.length : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1_000, what: 'the webhook workflows to be registered' },
    ),
  );
  // A backlog, as after an outage of the workers: everything waits in the queue, then two workers
  // drain it against one Ecomail key, far faster than its 1,000 calls a minute allow.
  const [posted] = await Promise.all([
    log.step('post 500 Ellity deliveries (100 repeats) to main and webhook process; executions queue up', () => postEllity(context), (p) => `${p.ignored.length} stopped by the receiving trigger`),
    log.step('post 50 Ecomail list webhooks (10 repeats) to main and webhook process', () => postListWebhooks(context)),
  ]);
  const workersStart = Date.now();
  await log.step(`start ${WORKERS} workers`, () => built.startWorkers(180_000));
  const [ellity, listWebhooks, backfill] = await Promise.all([
    log.step('Ellity executions: one event and one contact update per change', () => settleEllity(context, posted, workersStart, PHASE_TIMEOUT_MS), (o) => `${o.executions} executions`),
    log.step('list webhook executions: one report to Ellity per change', () => settleListWebhooks(context, PHASE_TIMEOUT_MS), (o) => `${o.executions} executions`),
    log.step('GoOut backfill of 20,000 purchases: every order once, the tokens rotated', () => checkBackfill(context, workersStart, PHASE_TIMEOUT_MS), (o) => `${o.executions} executions`),
  ]);
  Object.assign(report, { ellity, listWebhooks, backfill });

  const none = (t: { duplicated: number; lost: number }) => t.duplicated === 0 && t.lost === 0;
  for (const tally of ellity.tallies) check(`${tally.unit}: none twice, none lost`, none(tally), `${tally.present} of ${tally.expected}`);
  check('no Ellity event nobody sent, every contact holds its change', ellity.unexpectedEvents === 0 && ellity.wrongFields.length === 0, ellity.wrongFields.slice(0, 3).join('; ') || 'none');
  check('every repeat stopped: by the trigger that saw the first, or by the Ecomail node', ellity.droppedByTrigger + ellity.droppedByLedger === ellity.repeats, `${ellity.droppedByTrigger} + ${ellity.droppedByLedger} of ${ellity.repeats}`);
  check('a trigger only stopped repeats of calls it had received itself', ellity.droppedByTriggerElsewhere === 0, `${ellity.droppedByTriggerElsewhere} stopped that went to the other process`);
  check('no Ellity execution failed', ellity.failedExecutions === 0, `${ellity.failedExecutions} of ${ellity.executions}`);
  check(`${listWebhooks.tally.unit}: none twice, none lost`, none(listWebhooks.tally) && listWebhooks.failedExecutions === 0, `${listWebhooks.tally.present} of ${listWebhooks.tally.expected}, ${listWebhooks.executions} executions`);
  for (const tally of backfill.tallies) check(`${tally.unit}: none twice, none lost`, none(tally), `${tally.present} of ${tally.expected}`);
  check('no order nobody bought, no purchase sent twice', backfill.unexpectedOrders === 0 && backfill.ordersSentTwice === 0, `${backfill.unexpectedOrders} unexpected, ${backfill.ordersSentTwice} twice`);
  check('no GoOut execution failed', backfill.failedExecutions === 0, `${backfill.failedExecutions} of ${backfill.executions}`);
  check('token chain intact: tokens rotated, no refresh refused, n8n holds the newest refresh token', backfill.refreshes > 1 && backfill.refusedRefreshes === 0 && backfill.storedRefreshTokenIsNewest, `${backfill.refreshes} refreshes, ${backfill.refusedRefreshes} refused`);
}

/** The Ellity job only updates list members (docs/pipeline.md §7): the customers are members first. */
async function seedEllityCustomers(ecomail: EcomailSandbox): Promise<void> {
  const client = new EcomailClient({ apiKey: ecomail.apiKey, baseUrl: ecomail.url, ...createNodeRuntime() });
  const result = await client.upsertContacts(1, Array.from({ length: CHANGES }, (_, change) => ({ email: customerEmail(change) })));
  if (result.failed > 0) throw new Error(`${result.failed} Ellity customers could not be added to the list`);
}

/** One line every 20 s while n8n works: what Ecomail accepted and refused, what has arrived. */
function printProgress(context: QueueContext, since: number): void {
  const now = ecomailTraffic(context.ecomail.state.calls(), Date.now() - PROGRESS_EVERY_MS);
  const events = context.ecomail.state.events().length;
  const orders = context.ecomail.state.transactions().length;
  process.stdout.write(
    `  … ${Math.round((Date.now() - since) / 1000)} s: Ecomail ${now.accepted} accepted, ${now.refused429} × 429 in the last 20 s; ${events} events, ${orders} orders, ${context.ellityReceiver.bodies().length} Ellity reports\n`,
  );
}

async function runCleanups(): Promise<void> {
  for (const undo of cleanups.splice(0).reverse()) await undo().catch(() => undefined);
}

async function printDiagnostics(): Promise<void> {
  for (const instance of cluster?.all ?? []) {
    const text = await instance.serverLog().catch(() => '');
    if (text) process.stdout.write(`\n--- last lines of the n8n log of ${instance.baseUrl} ---\n${lastLines(text, 25)}\n`);
  }
  if (KEEP_TEMP && workDir) process.stdout.write(`work folder kept: ${workDir}\n`);
}

async function finish(code: number): Promise<never> {
  report.durationMs = Date.now() - started;
  if (traffic) report.traffic = ecomailTraffic(traffic.ecomail.state.calls(), traffic.since);
  await writeFile(REPORT_FILE, renderQueueReport(report)).catch(() => undefined);
  const failedChecks = checks.filter((c) => !c.ok).length;
  process.stdout.write(`${log.summary(Date.now() - started, 'queue-mode summary')}\nreport: ${REPORT_FILE}\n`);
  process.stdout.write(`queue mode: ${checks.length - failedChecks} checks passed, ${failedChecks + log.failed} failed\n`);
  process.exit(code);
}

let aborting = false;
async function abort(reason: string, code: number): Promise<void> {
  if (aborting) return;
  aborting = true;
  process.stdout.write(`\n✗ ${reason}; stopping n8n, PostgreSQL, Redis and the sandboxes\n`);
  await printDiagnostics();
  cluster?.killNow();
  await runCleanups();
  await finish(code);
}

process.once('SIGINT', () => void abort('interrupted', 130));
process.once('SIGTERM', () => void abort('terminated', 143));
process.once('exit', () => cluster?.killNow());

main().then(
  async () => {
    const failed = checks.some((c) => !c.ok) || log.failed > 0;
    if (failed) await printDiagnostics();
    await runCleanups();
    if (!aborting) await finish(failed ? 1 : 0);
  },
  async (error: unknown) => {
    if (aborting) return;
    if (log.failed === 0) process.stdout.write(`✗ ${error instanceof Error ? error.message : String(error)}\n`);
    await printDiagnostics();
    await runCleanups();
    await finish(1);
  },
);
