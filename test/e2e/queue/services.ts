/**
 * The two servers n8n's queue mode needs, from Debian's packages (scripts/tools/install-queue-services.sh):
 * PostgreSQL (n8n's database, shared by every n8n process) and Redis (the execution queue). Both
 * listen on 127.0.0.1 only, keep their data in this run's temporary folder, and are stopped with
 * the run. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { freePort } from '../n8n/free-port';
import { delay, waitFor } from '../n8n/wait-for';

export interface QueueServices {
  postgres: { host: string; port: number; user: string; database: string };
  redis: { host: string; port: number };
  /** `psql` against n8n's database, one statement, rows as JSON. */
  query<T>(sql: string): Promise<T[]>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const DATABASE = 'n8n';
const USER = 'postgres';

export async function installQueueServices(repoRoot: string, timeoutMs: number): Promise<{ postgresBin: string; redisServer: string }> {
  const stdout = await run('bash', [join(repoRoot, 'scripts/tools/install-queue-services.sh')], timeoutMs);
  const [postgresBin, redisServer] = stdout.trim().split('\n').slice(-2);
  return { postgresBin, redisServer };
}

interface Server {
  child: ChildProcess;
  /** PostgreSQL's fast shutdown is SIGINT (SIGTERM would wait for every client to leave). */
  stopSignal: NodeJS.Signals;
}

export async function startQueueServices(binaries: { postgresBin: string; redisServer: string }, workDir: string): Promise<QueueServices> {
  const children: Server[] = [];
  const stop = async () => {
    for (const { child, stopSignal } of children) signal(child, stopSignal);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && children.some(({ child }) => running(child))) await delay(200);
    for (const { child } of children) signal(child, 'SIGKILL');
  };
  try {
    const postgres = await startPostgres(binaries.postgresBin, join(workDir, 'postgres'), children);
    const redis = await startRedis(binaries.redisServer, join(workDir, 'redis'), children);
    const query = <T>(sql: string) => psql<T>(postgres.port, sql);
    return { postgres: { host: HOST, port: postgres.port, user: USER, database: DATABASE }, redis: { host: HOST, port: redis.port }, query, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startPostgres(bin: string, dir: string, children: Server[]): Promise<{ port: number }> {
  const asRoot = process.getuid?.() === 0;
  // The postgres user must reach its folder: the run's folder is made traversable, the data folder its own.
  await mkdir(dir, { recursive: true });
  await chmod(join(dir, '..'), 0o755);
  if (asRoot) {
    const uid = Number((await run('id', ['-u', USER], 10_000)).trim());
    const gid = Number((await run('id', ['-g', USER], 10_000)).trim());
    await chown(dir, uid, gid);
  }
  const asPostgres = (command: string, args: string[]) => (asRoot ? ['runuser', ['-u', USER, '--', command, ...args]] as const : [command, args] as const);
  const [initCommand, initArgs] = asPostgres(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', USER, '--auth=trust', '-E', 'UTF8', '--no-sync']);
  await run(initCommand, [...initArgs], 120_000);
  const port = await freePort();
  // Loopback only; durability off: the database lives as long as this run.
  const [command, args] = asPostgres(join(bin, 'postgres'), [
    '-D', join(dir, 'data'), '-p', String(port), '-c', `listen_addresses=${HOST}`, '-c', `unix_socket_directories=${dir}`,
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ]);
  children.push({ child: spawnServer(command, [...args], join(dir, 'postgres.log')), stopSignal: 'SIGINT' });
  await waitFor(async () => ((await run(join(bin, 'pg_isready'), ['-h', HOST, '-p', String(port)], 10_000).then(() => true, () => false)) ? true : undefined), {
    timeoutMs: 60_000,
    intervalMs: 300,
    what: 'PostgreSQL to accept connections',
  });
  await psqlCommand(port, 'postgres', `create database ${DATABASE}`);
  return { port };
}

async function startRedis(redisServer: string, dir: string, children: Server[]): Promise<{ port: number }> {
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  // No persistence: the queue lives as long as this run.
  const args = ['--bind', HOST, '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'];
  children.push({ child: spawnServer(redisServer, args, join(dir, 'redis.log')), stopSignal: 'SIGTERM' });
  await waitFor(() => tcpOpen(port).then((open) => (open ? true : undefined)), { timeoutMs: 30_000, intervalMs: 200, what: 'Redis to listen' });
  return { port };
}

function spawnServer(command: string, args: string[], logFile: string): ChildProcess {
  // Own process group, so the stop signal reaches runuser's child too; output goes to a log file.
  return spawn('sh', ['-c', `exec "$0" "$@" >>'${logFile}' 2>&1`, command, ...args], { detached: true, stdio: 'ignore' });
}

async function psql<T>(port: number, sql: string): Promise<T[]> {
  const text = await psqlCommand(port, DATABASE, `select coalesce(json_agg(row_to_json(t)), '[]'::json) from (${sql}) t`);
  return JSON.parse(text) as T[];
}

function psqlCommand(port: number, database: string, sql: string): Promise<string> {
  return run('psql', ['-h', HOST, '-p', String(port), '-U', USER, '-d', database, '-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-c', sql], 60_000);
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined || !running(child)) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.slice(0, 3).join(' ')} failed: ${(stderr || stdout || error.message).trim().split('\n').slice(-8).join('\n')}`));
      else resolve(stdout);
    });
  });
}
