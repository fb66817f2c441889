/**
 * `npm run test:ui`: what a user reads in the n8n editor, checked in a real browser (Debian's
 * Chromium, headless, through puppeteer-core) against a real n8n 2.40.7 with the packed package
 * installed — one check per point of issue 18, each with its screenshots in test/ui/screenshots/.
 * Loopback only, bounded in time; n8n, the sandbox and the browser are always stopped.
 * UI_KEEP_TEMP=1 keeps the work folder (n8n log, database).
 */
import { StepLog, seconds } from '../e2e/n8n/timings';
import { lastLines, type N8nInstance } from '../e2e/n8n/n8n-instance';
import { launchChromium } from './browser';
import { checkCanvasSubtitles } from './checks/canvas-subtitles';
import { checkCustomFieldsBeforeList } from './checks/custom-fields';
import { checkEcomailTriggerSetup } from './checks/ecomail-trigger-setup';
import { checkEllityStatusHint } from './checks/ellity-status-hint';
import { checkEllityTriggerSetup } from './checks/ellity-trigger-setup';
import { checkExampleCredentials } from './checks/example-credentials';
import { checkHints } from './checks/hints';
import { checkUpsertOptions } from './checks/upsert-options';
import { Editor } from './editor';
import { startUiSession } from './session';

/** The whole run, install of a cached n8n included; CI's limit for this step. */
const RUN_TIMEOUT_MS = 5 * 60_000;

const log = new StepLog();
const started = Date.now();
const cleanups: Array<() => Promise<void>> = [];
let n8n: N8nInstance | undefined;
let editor: Editor | undefined;

async function main(): Promise<void> {
  const session = await startUiSession(log, cleanups);
  n8n = session.n8n;
  const ui = await log.step('start Chromium and log in', async () => {
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    return Editor.open(browser.browser, session.n8n.baseUrl, session.owner);
  });
  editor = ui;
  const examples = session.examples.map((e) => ({ id: e.id, nodes: e.nodes.length }));
  await log.check('(1) Ellity Status hint: no $JSON, says to switch to Expression', () => checkEllityStatusHint(ui));
  await log.check('(2) Ellity Trigger: short notice naming the secret; one copyable, valid body per event', () => checkEllityTriggerSetup(ui));
  await log.check('(3) Ecomail Trigger v2: credential asked for, notice names its secret', () => checkEcomailTriggerSetup(ui));
  await log.check('(4) Create or Update offers only options that take effect', () => checkUpsertOptions(ui));
  await log.check('(5) no error before a list is chosen; the custom-field section is labelled', () => checkCustomFieldsBeforeList(ui));
  await log.check('(6) canvas subtitles: names or a count, no raw values', () => checkCanvasSubtitles(ui, examples));
  await log.check('(7) hints fit the mode, credentials say what they need, no English slips', () => checkHints(ui));
  await log.check('(8) examples name the credentials to create and reference none missing', () => checkExampleCredentials(ui, session.examples));
}

async function runCleanups(): Promise<void> {
  for (const undo of cleanups.splice(0).reverse()) await undo().catch(() => undefined);
}

function finish(code: number): never {
  process.stdout.write(`${log.summary(Date.now() - started).replace('real-n8n e2e summary', 'n8n editor UI summary')}\n`);
  if (editor) process.stdout.write(`screenshots:\n${editor.screenshots.map((f) => `  ${f}`).join('\n')}\n`);
  process.stdout.write(`ui: ${log.passed} passed, ${log.failed} failed in ${seconds(Date.now() - started)}\n`);
  process.exit(code);
}

async function printN8nLog(): Promise<void> {
  const text = await n8n?.serverLog().catch(() => '');
  if (text) process.stdout.write(`\n--- last lines of the n8n log ---\n${lastLines(text, 30)}\n---\n`);
}

let aborting = false;
async function abort(reason: string, code: number): Promise<void> {
  if (aborting) return;
  aborting = true;
  process.stdout.write(`\n✗ ${reason}; stopping the browser, n8n and the sandbox\n`);
  await printN8nLog();
  n8n?.killNow();
  await runCleanups();
  finish(code);
}

const watchdog = setTimeout(() => void abort(`overall timeout (${RUN_TIMEOUT_MS / 60_000} min) reached`, 1), RUN_TIMEOUT_MS);
process.once('SIGINT', () => void abort('interrupted', 130));
process.once('SIGTERM', () => void abort('terminated', 143));
process.once('exit', () => n8n?.killNow());

main().then(
  async () => {
    clearTimeout(watchdog);
    if (log.failed > 0) await printN8nLog();
    await runCleanups();
    if (!aborting) finish(log.failed > 0 ? 1 : 0);
  },
  async (error: unknown) => {
    clearTimeout(watchdog);
    if (aborting) return;
    if (log.failed === 0) process.stdout.write(`✗ ${error instanceof Error ? error.message : String(error)}\n`);
    await printN8nLog();
    await runCleanups();
    finish(1);
  },
);
