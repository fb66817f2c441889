/**
 * One real n8n process tree on 127.0.0.1: the CLI commands (import, publish, execute) and one
 * long-running n8n process — `n8n start` by default, or in queue mode a webhook process or a worker
 * (`role`) — all on the Node 24 binary with a throwaway user folder.
 * Environment per docs/n8n-platform.md §8.3: loopback only, everything that phones home off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { delay, waitFor } from './wait-for';

/** What the long-running process is, how it is started and what it logs once it is ready. */
const ROLES = {
  main: { args: ['start'], ready: 'Editor is now accessible', listens: true },
  webhook: { args: ['webhook'], ready: 'Webhook listener waiting for requests.', listens: true },
  worker: { args: ['worker'], ready: 'n8n worker is now ready', listens: false },
} as const;

export type N8nRole = keyof typeof ROLES;

export interface N8nInstanceOptions {
  nodeBinDir: string;
  /** Path of node_modules/n8n/bin/n8n inside the cached install. */
  n8nEntry: string;
  userFolder: string;
  port: number;
  /** n8n's internal task broker listens too; a random port keeps parallel runs apart. */
  taskBrokerPort: number;
  logFile: string;
  /** Set over the defaults below (e.g. the local editor of `npm run n8n`). */
  extraEnv?: Record<string, string>;
  /** The long-running process `start()` runs; default the main process (`n8n start`). */
  role?: N8nRole;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class N8nInstance {
  private readonly children = new Set<ChildProcess>();
  private readonly log: WriteStream;

  constructor(private readonly options: N8nInstanceOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get databaseFile(): string {
    return join(this.options.userFolder, '.n8n', 'database.sqlite');
  }

  environment(): NodeJS.ProcessEnv {
    const { nodeBinDir, userFolder, port, taskBrokerPort } = this.options;
    return {
      PATH: `${nodeBinDir}:${process.env.PATH ?? ''}`,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      LANG: 'C.UTF-8',
      NODE_ENV: 'production',
      N8N_USER_FOLDER: userFolder,
      N8N_LISTEN_ADDRESS: '127.0.0.1',
      N8N_HOST: '127.0.0.1',
      N8N_PORT: String(port),
      N8N_PROTOCOL: 'http',
      N8N_WEBHOOK_URL: `${this.baseUrl}/`,
      N8N_ENCRYPTION_KEY: 'e2e-local-key-not-a-secret',
      N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
      DB_TYPE: 'sqlite',
      // Nothing leaves the machine: telemetry, banners, template and package catalogues off.
      N8N_DIAGNOSTICS_ENABLED: 'false',
      N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
      N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
      N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
      N8N_TEMPLATES_ENABLED: 'false',
      N8N_PERSONALIZATION_ENABLED: 'false',
      N8N_HIRING_BANNER_ENABLED: 'false',
      N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
      N8N_VERIFIED_PACKAGES_ENABLED: 'false',
      N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
      N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
      // The MCP registry module refreshes a server catalogue from n8n's API at start.
      N8N_DISABLED_MODULES: 'mcp-registry',
      EXTERNAL_FRONTEND_HOOKS_URLS: '',
      // Task runners: internal mode (no sidecar to start); our workflows run no Code node.
      N8N_RUNNERS_MODE: 'internal',
      N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
      N8N_RUNNERS_BROKER_PORT: String(taskBrokerPort),
      N8N_LOG_LEVEL: 'info',
      N8N_LOG_OUTPUT: 'console',
      N8N_NO_COLOR: 'true',
      ...this.options.extraEnv,
    };
  }

  /** Runs one `n8n <args>` command to completion (each boots n8n against the same database). */
  cli(args: string[], timeoutMs: number): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const child = this.spawnN8n(args);
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => {
        killGroup(child, 'SIGKILL');
        reject(new Error(`n8n ${args[0]} did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        this.writeLog(`\n$ n8n ${args.join(' ')}  → exit ${code}\n${stdout}${stderr}`);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Like cli() but throws with n8n's own words when the command fails. */
  async cliOk(args: string[], timeoutMs: number): Promise<CliResult> {
    const result = await this.cli(args, timeoutMs);
    if (result.code !== 0) {
      throw new Error(`n8n ${args.join(' ')} exited ${result.code}: ${lastLines(result.stderr || result.stdout, 8)}`);
    }
    return result;
  }

  /**
   * Starts the role's process (`n8n start` unless told otherwise) and resolves once it logs that it
   * is ready and, if it serves HTTP, /healthz answers.
   * onExit hears of the server ending later (a long-running editor stops its sandboxes then).
   */
  async start(timeoutMs: number, onExit?: (code: number | null) => void): Promise<void> {
    const role = ROLES[this.options.role ?? 'main'];
    const server = this.spawnN8n([...role.args]);
    let output = '';
    let exited: number | null | undefined;
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
      this.writeLog(chunk);
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    server.on('close', (code) => {
      exited = code;
      onExit?.(code);
    });

    const outcome = await waitFor(
      async () => {
        // A crash ends the wait at once and is reported as such, not as a timeout.
        if (exited !== undefined) return 'exited';
        if (!output.includes(role.ready)) return undefined;
        if (!role.listens) return 'ready';
        const health = await fetch(`${this.baseUrl}/healthz`).catch(() => undefined);
        return health?.ok ? 'ready' : undefined;
      },
      { timeoutMs, intervalMs: 300, what: `n8n ${role.args[0]} to report "${role.ready}"` },
    );
    if (outcome === 'exited') throw new Error(`n8n ${role.args[0]} exited ${exited}: ${lastLines(output, 10)}`);
  }

  /** Everything n8n printed so far, CLI runs included (for failure diagnostics). */
  async serverLog(): Promise<string> {
    return readFile(this.options.logFile, 'utf8');
  }

  /** SIGTERM the whole tree (n8n's clean shutdown), SIGKILL whatever is left after the grace period. */
  async stop(graceMs = 15_000): Promise<void> {
    const running = [...this.children].filter((c) => c.exitCode === null && c.signalCode === null);
    for (const child of running) killGroup(child, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && running.some((c) => c.exitCode === null && c.signalCode === null)) {
      await delay(200);
    }
    for (const child of running) killGroup(child, 'SIGKILL');
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  /** Synchronous last resort for process exit handlers. */
  killNow(): void {
    for (const child of this.children) killGroup(child, 'SIGKILL');
  }

  /** Children killed by stop() still report on close, after the log is shut: drop those lines. */
  private writeLog(data: string | Buffer): void {
    if (!this.log.writableEnded) this.log.write(data);
  }

  private spawnN8n(args: string[]): ChildProcess {
    const child = spawn(join(this.options.nodeBinDir, 'node'), [this.options.n8nEntry, ...args], {
      env: this.environment(),
      cwd: this.options.userFolder,
      // Own process group, so n8n's task-runner children die with it.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.add(child);
    child.on('close', () => this.children.delete(child));
    return child;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
