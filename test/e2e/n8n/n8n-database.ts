/** Reads n8n's own database (executions, registered webhooks) for checks and failure diagnostics. */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';

export interface ExecutionRow {
  id: number;
  workflowId: string;
  mode: string;
  status: string;
}

export class N8nDatabase {
  constructor(
    private readonly nodeBinDir: string,
    /** Path of node_modules/n8n/bin/n8n; its install's node_modules holds the Node 24 sqlite3. */
    private readonly n8nEntry: string,
    private readonly file: string,
  ) {}

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const nodeModules = join(dirname(this.n8nEntry), '..', '..');
    return new Promise((resolve, reject) => {
      execFile(
        join(this.nodeBinDir, 'node'),
        [join(__dirname, 'db-query.cjs'), this.file, sql, JSON.stringify(params)],
        { env: { NODE_PATH: nodeModules, PATH: process.env.PATH }, timeout: 20_000 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`sqlite query failed: ${stderr.trim() || error.message}`));
          else resolve(JSON.parse(stdout) as T[]);
        },
      );
    });
  }

  executions(workflowId?: string): Promise<ExecutionRow[]> {
    return workflowId === undefined
      ? this.query<ExecutionRow>('select id, workflowId, mode, status from execution_entity order by id')
      : this.query<ExecutionRow>(
          'select id, workflowId, mode, status from execution_entity where workflowId = ? order by id',
          [workflowId],
        );
  }

  /** The workflow's static data as n8n persisted it (poll cursors live here); undefined when none yet. */
  async staticData(workflowId: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await this.query<{ staticData: string | null }>('select staticData from workflow_entity where id = ?', [workflowId]);
    return row?.staticData ? (JSON.parse(row.staticData) as Record<string, unknown>) : undefined;
  }

  webhooks(workflowId: string): Promise<Array<{ webhookPath: string; method: string; node: string }>> {
    return this.query('select webhookPath, method, node from webhook_entity where workflowId = ?', [workflowId]);
  }
}
