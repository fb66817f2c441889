/**
 * `npm run test:stress [runs]`: the whole Jest suite N times in a row (default 10, or STRESS_RUNS)
 * with every core kept busy, because the suite must pass on a loaded 2-core CI machine too.
 * Prints one line per run and a final line; exits 1 if any run failed. Each run's output is
 * kept in a log folder named at the start.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCpuLoad, type CpuLoad } from './cpu-load';
import { runJestOnce, type JestRun, type JestRunResult } from './jest-run';

/** Far above a loaded run (a few minutes): only a hung run reaches it. */
const RUN_TIMEOUT_MS = 20 * 60_000;
/** The burners outlive a run by a little at most, should the runner die without stopping them. */
const LOAD_MAX_MS = RUN_TIMEOUT_MS + 60_000;

function runsWanted(): number {
  const raw = process.argv[2] ?? process.env.STRESS_RUNS ?? '10';
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1 || runs > 1000) throw new RangeError(`runs must be a whole number 1..1000, got "${raw}"`);
  return runs;
}

function line(run: number, runs: number, result: JestRunResult): string {
  const seconds = (result.ms / 1000).toFixed(1);
  const counts = `${result.passed}/${result.total} tests passed, ${result.failed} failed`;
  const files = result.failedFiles.length > 0 ? `; failing: ${result.failedFiles.join(', ')}` : '';
  const problem = result.problem ? `; ${result.problem}` : '';
  return `run ${run}/${runs}: ${result.ok ? 'PASS' : 'FAIL'} in ${seconds} s — ${counts}${files}${problem}`;
}

async function main(): Promise<number> {
  const runs = runsWanted();
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'ecomail-bridge-stress-'));
  const cores = os.availableParallelism();
  console.log(`test:stress: ${runs} runs of the whole suite with ${cores} busy loops beside it; logs in ${logDir}`);

  let load: CpuLoad | undefined;
  let jest: JestRun | undefined;
  const stopLoad = () => load?.stop();
  // Nothing started here outlives the runner, also when it is interrupted.
  process.on('exit', () => {
    jest?.kill();
    stopLoad();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

  const results: JestRunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    load = startCpuLoad(LOAD_MAX_MS, cores);
    jest = runJestOnce(path.join(logDir, `run-${run}.log`), path.join(logDir, `run-${run}.json`), RUN_TIMEOUT_MS);
    const result = await jest.done;
    stopLoad();
    results.push(result);
    console.log(line(run, runs, result));
  }

  const passed = results.filter((result) => result.ok).length;
  const totalSeconds = results.reduce((sum, result) => sum + result.ms, 0) / 1000;
  const slowest = Math.max(...results.map((result) => result.ms)) / 1000;
  console.log(`test:stress: ${passed}/${runs} runs passed under load (${totalSeconds.toFixed(0)} s in all, slowest ${slowest.toFixed(1)} s)${passed === runs ? '' : `; logs in ${logDir}`}`);
  return passed === runs ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:stress failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
