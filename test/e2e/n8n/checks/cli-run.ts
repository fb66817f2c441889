/** Runs a manual workflow with `n8n execute --id --rawOutput` and reads what each node output. */
import type { E2eContext } from '../context';

export interface NodeItem {
  json: Record<string, unknown>;
}

interface TaskData {
  executionStatus?: string;
  error?: { message?: string };
  data?: { main: Array<Array<NodeItem> | null> };
}

export interface CliRun {
  /** The run's error, if n8n recorded one (a node that failed the run). */
  error?: { message?: string };
  /** Items of the node's first run on each of its outputs. */
  outputs(node: string): NodeItem[][];
  task(node: string): TaskData | undefined;
}

interface RunOutput {
  data: { resultData: { error?: { message?: string }; runData: Record<string, TaskData[]> } };
}

export async function executeWorkflow(context: E2eContext, workflowId: string): Promise<CliRun> {
  const result = await context.n8n.cliOk(['execute', `--id=${workflowId}`, '--rawOutput'], 120_000);
  return parseRun(result.stdout);
}

/** The run that `execute --rawOutput` printed, whether the run succeeded or not. */
export function parseRun(stdout: string): CliRun {
  // `execute --rawOutput` prints the run as pretty-printed JSON among log lines: from the first
  // line that is "{" to the first line that is "}".
  const lines = stdout.split('\n');
  const start = lines.indexOf('{');
  const end = lines.indexOf('}', start);
  if (start < 0 || end < 0) throw new Error(`n8n execute printed no run JSON: ${stdout.slice(-500)}`);
  const run = JSON.parse(lines.slice(start, end + 1).join('\n')) as RunOutput;
  const { runData, error } = run.data.resultData;
  return {
    error,
    task: (node) => runData[node]?.[0],
    outputs: (node) => (runData[node]?.[0]?.data?.main ?? []).map((items) => items ?? []),
  };
}
