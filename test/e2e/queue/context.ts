import type { EcomailSandbox } from '../../sandbox/ecomail';
import type { GoOutSandbox } from '../../sandbox/goout';
import type { EllityReceiver } from '../n8n/ellity-receiver';
import type { QueueCluster } from './cluster';
import type { QueueServices } from './services';
import type { ExampleWorkflow } from './workflows';

/** What every phase of the queue-mode run works with. */
export interface QueueContext {
  cluster: QueueCluster;
  services: QueueServices;
  ecomail: EcomailSandbox;
  goout: GoOutSandbox;
  ellityReceiver: EllityReceiver;
  workflows: { ellity: ExampleWorkflow; goout: ExampleWorkflow; ecomailList: ExampleWorkflow };
  /** Throwaway folder of this run (logs, database, import files). */
  workDir: string;
}

export interface ExecutionCounts {
  total: number;
  byStatus: Record<string, number>;
}

/** n8n's executions of one workflow, counted by status, from its PostgreSQL database. */
export async function executionCounts(context: QueueContext, workflowId: string): Promise<ExecutionCounts> {
  const rows = await context.services.query<{ status: string; count: number }>(
    `select status, count(*)::int as count from execution_entity where "workflowId" = '${workflowId.replace(/'/g, "''")}' group by status`,
  );
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, row.count]));
  return { total: rows.reduce((sum, row) => sum + row.count, 0), byStatus };
}

/** All executions of the workflow have ended (none new, waiting or running). */
export function allEnded(counts: ExecutionCounts): boolean {
  return ['new', 'running', 'waiting', 'unknown'].every((status) => !counts.byStatus[status]);
}
