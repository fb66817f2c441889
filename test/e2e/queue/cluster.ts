/**
 * n8n in queue mode on 127.0.0.1 (docs/n8n-platform.md §12): one main process (editor, activation,
 * poll triggers, production webhooks too), one webhook process and two workers that run the
 * executions, all sharing one user folder (the community package, the encryption key), the
 * PostgreSQL database and the Redis queue.
 */
import { join } from 'node:path';
import { freePort } from '../n8n/free-port';
import { N8nInstance, type N8nRole } from '../n8n/n8n-instance';
import type { N8nTools } from '../n8n/tools';
import type { QueueServices } from './services';

export const WORKERS = 2;
/** Executions each worker runs at once (n8n's default for `n8n worker`). */
export const WORKER_CONCURRENCY = 10;

export interface QueueCluster {
  main: N8nInstance;
  webhook: N8nInstance;
  workers: N8nInstance[];
  all: N8nInstance[];
  /** Main first (it owns activation), then the webhook process. */
  startFront(timeoutMs: number): Promise<void>;
  /** The workers, side by side: from then on they take the executions waiting in the queue. */
  startWorkers(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
  killNow(): void;
}

export async function queueCluster(tools: N8nTools, services: QueueServices, userFolder: string, workDir: string): Promise<QueueCluster> {
  const shared: Record<string, string> = {
    EXECUTIONS_MODE: 'queue',
    QUEUE_BULL_REDIS_HOST: services.redis.host,
    QUEUE_BULL_REDIS_PORT: String(services.redis.port),
    QUEUE_HEALTH_CHECK_ACTIVE: 'false',
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: services.postgres.host,
    DB_POSTGRESDB_PORT: String(services.postgres.port),
    DB_POSTGRESDB_DATABASE: services.postgres.database,
    DB_POSTGRESDB_USER: services.postgres.user,
    DB_POSTGRESDB_PASSWORD: '',
    // n8n's default of 2 connections would queue ten concurrent executions behind each other.
    DB_POSTGRESDB_POOL_SIZE: '10',
    N8N_CONCURRENCY_PRODUCTION_LIMIT: String(WORKER_CONCURRENCY),
    N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
  };
  const instance = async (role: N8nRole, name: string): Promise<N8nInstance> =>
    new N8nInstance({
      ...tools,
      role,
      userFolder,
      port: await freePort(),
      taskBrokerPort: await freePort(),
      logFile: join(workDir, `n8n-${name}.log`),
      extraEnv: shared,
    });
  const main = await instance('main', 'main');
  const webhook = await instance('webhook', 'webhook');
  const workers: N8nInstance[] = [];
  for (let i = 1; i <= WORKERS; i++) workers.push(await instance('worker', `worker-${i}`));
  const all = [main, webhook, ...workers];
  return {
    main,
    webhook,
    workers,
    all,
    async startFront(timeoutMs) {
      await main.start(timeoutMs);
      await webhook.start(timeoutMs);
    },
    async startWorkers(timeoutMs) {
      await Promise.all(workers.map((worker) => worker.start(timeoutMs)));
    },
    async stop() {
      // Workers and the webhook process first: they finish or hand back what they run.
      await Promise.all([webhook, ...workers].map((process) => process.stop()));
      await main.stop();
    },
    killNow() {
      for (const process of all) process.killNow();
    },
  };
}
