import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EcomailSandbox } from '../../test/sandbox/ecomail';
import type { GoOutSandbox } from '../../test/sandbox/goout';
import { main } from '../src/main';

export { BIN, spawnCli, type ChildRunOutput } from './spawn-cli';

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'ecomail-bridge-cli-'));
}

export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Credentials and URLs of a backfill from `goout` into `ecomail`, with a fresh GoOut token pair. */
export function backfillEnv(ecomail: EcomailSandbox, goout: GoOutSandbox): Record<string, string> {
  const tokens = goout.initialTokens();
  return {
    ECOMAIL_API_KEY: ecomail.apiKey,
    ECOMAIL_BASE_URL: ecomail.url,
    GOOUT_BASE_URL: goout.url,
    GOOUT_ACCESS_TOKEN: tokens.accessToken,
    GOOUT_REFRESH_TOKEN: tokens.refreshToken,
  };
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
