/** One full `jest` run (what `npm test` runs), its output kept in a log file, its counts from Jest's JSON report. */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const JEST = path.join(ROOT, 'node_modules/jest/bin/jest.js');

export interface JestRunResult {
  ok: boolean;
  passed: number;
  failed: number;
  total: number;
  /** Test files with a failure, or that failed to run. */
  failedFiles: string[];
  ms: number;
  /** Why the run is a failure when Jest gave no report (killed, crashed). */
  problem?: string;
}

interface JestJsonReport {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: Array<{ name: string; status: string }>;
}

export interface JestRun {
  done: Promise<JestRunResult>;
  /** Ends the run at once (the stress runner is exiting). */
  kill(): void;
}

export function runJestOnce(logFile: string, reportFile: string, timeoutMs: number): JestRun {
  const started = Date.now();
  const log = createWriteStream(logFile);
  // Own process group: killing the run also ends what its tests spawned (CLI children, the demo).
  const child = spawn(process.execPath, [JEST, '--json', `--outputFile=${reportFile}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const kill = () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  // A hung run must not stall the stress run: it counts as a failure.
  const timer = setTimeout(kill, timeoutMs);
  const done = new Promise<JestRunResult>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      log.end();
      const ms = Date.now() - started;
      const killed = signal ? `jest was killed (${signal}) after ${Math.round(ms / 1000)} s` : undefined;
      if (!existsSync(reportFile)) {
        return resolve({ ok: false, passed: 0, failed: 0, total: 0, failedFiles: [], ms, problem: killed ?? `jest exited ${code} without a report` });
      }
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestJsonReport;
      const failedFiles = report.testResults.filter((file) => file.status === 'failed').map((file) => path.relative(ROOT, file.name));
      resolve({
        ok: code === 0 && report.success && report.numFailedTests === 0 && report.numRuntimeErrorTestSuites === 0,
        passed: report.numPassedTests,
        failed: report.numFailedTests,
        total: report.numTotalTests,
        failedFiles,
        ms,
        problem: killed ?? (code === 0 ? undefined : `jest exited ${code}`),
      });
    });
  });
  return { done, kill };
}
