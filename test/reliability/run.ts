/**
 * `npm run test:reliability`: runs every scenario against the sandboxes on 127.0.0.1, writes
 * test/reliability/REPORT.md and exits 1 if any scenario lost or duplicated anything, failed a
 * check or crashed. `npm run test:reliability -- 2 5` runs only those scenarios.
 * The n8n scenarios load the BUILT package, so it is built first (RELIABILITY_SKIP_BUILD=1 skips).
 */
import './lib/n8n-user-folder';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderReport } from './lib/report';
import { Recorder, passed, type ScenarioResult } from './lib/scenario';
import { leaksIn } from './lib/secrets';
import { throttleStorm } from './scenarios/s1-throttle-storm';
import { backfillServerFaults } from './scenarios/s2-backfill-5xx-resets';
import { slowServer } from './scenarios/s3-slow-server';
import { goOutTokens } from './scenarios/s4-goout-tokens';
import { sigkillResume } from './scenarios/s5-sigkill-resume';
import { webhooksTwice } from './scenarios/s6-webhooks-twice';
import { badInput } from './scenarios/s7-bad-input';
import { parallelTags } from './scenarios/s8-parallel-tags';
import { security } from './scenarios/s9-security';
import { platformLeaks } from './scenarios/s10-platform-leaks';
import { idosellFaults } from './scenarios/s11-idosell-faults';
import { getResponseFaults } from './scenarios/s12-getresponse-faults';
import { salesManagoFaults } from './scenarios/s13-salesmanago-faults';

const ROOT = path.join(__dirname, '..', '..');
const REPORT = path.join(__dirname, 'REPORT.md');
/** Upper bound per scenario, so a hang fails the run instead of stalling CI. */
const SCENARIO_TIMEOUT_MS = 240_000;

const SCENARIOS: Array<{ id: string; title: string; run: (rec: Recorder) => Promise<void> }> = [
  { id: '1', title: '429 storm (50% of calls refused with Retry-After)', run: throttleStorm },
  { id: '2', title: '5xx bursts and connection resets during a 20,000-purchase CLI backfill', run: backfillServerFaults },
  { id: '3', title: 'Slow server (3 s per answer)', run: slowServer },
  { id: '4', title: 'GoOut access token expires, refresh token rotates, then dies; resume with new tokens', run: goOutTokens },
  { id: '5', title: 'CLI killed with SIGKILL mid-backfill (twice), resumed from the checkpoint', run: sigkillResume },
  { id: '6', title: 'Webhooks delivered twice and out of order (Ellity, Ecomail list webhook)', run: webhooksTwice },
  { id: '7', title: 'Bad input (10,000-row batch, odd Unicode, empty/broken/5 MB bodies)', run: badInput },
  { id: '8', title: '50 parallel add-tags on one contact', run: parallelTags },
  { id: '9', title: 'Security: webhook secrets, keys and tokens never shown', run: security },
  { id: '10', title: 'Platform paths: Zapier invoke --debug and app-tester logs for failing calls show no secret', run: platformLeaks },
  { id: '11', title: 'IdoSell faults inside HTTP 200, 5xx and a used-up monthly quota during a 5,000-order CLI backfill; resumed without duplicates', run: idosellFaults },
  { id: '12', title: 'GetResponse: a refused key, 429 storms with X-RateLimit-* only, 5xx and an outage, lost create races, during a GoOut CLI backfill; resumed', run: getResponseFaults },
  {
    id: '13',
    title: 'SALESmanago: 429 storms without rate headers, 5xx, success:false on HTTP 200 and a secret refused mid-run during a 3,000-purchase CLI backfill; resumed, nothing lost',
    run: salesManagoFaults,
  },
];

function buildN8nPackage(): void {
  if (process.env.RELIABILITY_SKIP_BUILD === '1') return;
  process.stdout.write('building n8n-nodes (dist/) …\n');
  execFileSync('npm', ['run', 'build', '-w', 'n8n-nodes-ecomail'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function runScenario(scenario: (typeof SCENARIOS)[number]): Promise<ScenarioResult> {
  const rec = new Recorder();
  const started = Date.now();
  let crash: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      scenario.run(rec),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`scenario did not finish within ${SCENARIO_TIMEOUT_MS / 1000} s`)), SCENARIO_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    clearTimeout(timer);
  }
  return {
    id: scenario.id,
    title: scenario.title,
    faults: rec.faults,
    faultCount: rec.faultCount,
    tallies: rec.tallies,
    refused: rec.refused,
    refusedTotal: rec.refusedTotal,
    checks: rec.checks,
    notes: rec.notes,
    durationMs: Date.now() - started,
    crash,
  };
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const selected = only.length ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
  buildN8nPackage();
  const startedAt = new Date();
  const results: ScenarioResult[] = [];
  for (const scenario of selected) {
    process.stdout.write(`scenario ${scenario.id}: ${scenario.title} … `);
    const result = await runScenario(scenario);
    results.push(result);
    process.stdout.write(`${passed(result) ? 'pass' : 'FAIL'} (${(result.durationMs / 1000).toFixed(1)} s)\n`);
    for (const check of result.checks.filter((c) => !c.ok)) process.stdout.write(`  failed check: ${check.name}${check.detail ? ` — ${check.detail}` : ''}\n`);
    for (const tally of result.tallies.filter((t) => t.lost || t.duplicated)) {
      process.stdout.write(`  ${tally.unit}: ${tally.lost} lost, ${tally.duplicated} duplicated\n`);
    }
    if (result.crash) process.stdout.write(`  crashed: ${result.crash.split('\n')[0]}\n`);
  }
  const report = renderReport(results, startedAt, Date.now() - startedAt.getTime());
  // The report itself must not carry a secret either.
  const leaked = leaksIn(report);
  writeFileSync(REPORT, leaked.length ? '# Reliability report withheld: it contained a secret\n' : report);
  process.stdout.write(`report: ${path.relative(ROOT, REPORT)}\n`);
  const ok = leaked.length === 0 && results.every(passed);
  process.stdout.write(ok ? 'reliability suite: PASS\n' : 'reliability suite: FAIL\n');
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`reliability suite crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
