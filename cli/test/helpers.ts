import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/main';

export const BIN = path.join(__dirname, '..', 'bin', 'ecomail-bridge.cjs');

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'ecomail-bridge-cli-'));
}

export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured, non-TTY streams. */
export async function runInProcess(args: string[], env: Record<string, string>, cwd: string, stopRequested = () => false): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { HOME: cwd, ...env },
    cwd,
    stopRequested,
  });
  return { code, stdout, stderr };
}

/** Starts the CLI as a child process (the way users run it). */
export function spawnCli(args: string[], env: Record<string, string>, cwd: string): { child: ChildProcess; done: Promise<RunOutput> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<RunOutput>((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr }));
  });
  return { child, done };
}

/** Waits (bounded) until `condition` holds. */
export async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** E-mails of every subscribe-bulk row Ecomail accepted, in order (duplicates kept). */
export function bulkEmails(calls: Array<{ method: string; path: string; status: number; body: unknown }>): string[] {
  return calls
    .filter((call) => call.method === 'POST' && call.path.endsWith('/subscribe-bulk') && call.status === 200)
    .flatMap((call) => ((call.body as { subscriber_data: Array<{ email: string }> }).subscriber_data ?? []).map((row) => row.email));
}

export function expectNoSecrets(texts: string[], secrets: Array<string | undefined>): void {
  for (const text of texts) {
    for (const secret of secrets) if (secret) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
  }
}
