/** Runs the real CLI (bin/ecomail-bridge.cjs) as a child process, the way users and cron run it. */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnCli as spawnCliProcess, type ChildRunOutput } from '../../../cli/test/spawn-cli';
import { capture } from './secrets';

export type CliRun = ChildRunOutput;

export function tempDir(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `ecomail-reliability-${name}-`));
}

/** Starts the CLI; everything it prints is kept for the leak scan. */
export function spawnCli(args: string[], env: Record<string, string>, cwd: string): { child: ChildProcess; done: Promise<CliRun> } {
  const { child, done } = spawnCliProcess(args, env, cwd);
  const label = `cli ${args.slice(0, 2).join(' ')}`;
  return {
    child,
    done: done.then((run) => {
      capture(`${label} stdout`, run.stdout);
      capture(`${label} stderr`, run.stderr);
      return run;
    }),
  };
}

export function runCli(args: string[], env: Record<string, string>, cwd: string, timeoutMs = 240_000): Promise<CliRun> {
  const { child, done } = spawnCli(args, env, cwd);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return done.finally(() => clearTimeout(timer));
}

/** Reads a JSON file the CLI wrote (report, checkpoint, token file) and keeps its text for the leak scan. */
export function readJsonFile<T = Record<string, unknown>>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  capture(`file ${path.basename(file)}`, text);
  return JSON.parse(text) as T;
}

/**
 * Files the CLI writes that a user may share (checkpoint, report), read for the leak scan. The
 * GoOut token file is left out on purpose: it is the credential store (mode 0600).
 */
export function captureCliFiles(dir: string): void {
  for (const file of ['cp.json', 'report.json']) {
    const full = path.join(dir, file);
    if (existsSync(full)) capture(`file ${file}`, readFileSync(full, 'utf8'));
  }
}

/** The CLI arguments every GoOut backfill here uses (fresh list: no per-contact tag reads). */
export function backfillArgs(extra: string[] = []): string[] {
  return [
    'backfill', 'goout', '--organizer', '101', '--list', '1', '--confirm-permission', '--no-keep-existing-tags',
    '--checkpoint', 'cp.json', '--report', 'report.json', ...extra,
  ];
}

/** Contacts the checkpoint says Ecomail confirmed (0 before the first commit). */
export function committedContacts(dir: string): number {
  const file = path.join(dir, 'cp.json');
  if (!existsSync(file)) return 0;
  try {
    const checkpoint = JSON.parse(readFileSync(file, 'utf8')) as { 'cli.totals'?: { contacts?: number } };
    return checkpoint['cli.totals']?.contacts ?? 0;
  } catch {
    // Replaced atomically, so a torn read cannot happen; a parse error means "not there yet".
    return 0;
  }
}
