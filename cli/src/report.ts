import type { Counters } from './counters';
import type { RunDestination } from './destinations';
import type { ExitCode } from './exit-codes';
import type { ImportResult, ItemIssue } from './importer';

export interface RunReport {
  command: string;
  /** The destination: ecomail, getresponse, salesmanago. */
  to: string;
  /** The Ecomail list or GetResponse campaign id; '' for SALESmanago, which has no lists. */
  list: string;
  /** Both in words: "GetResponse campaign V8aBc", "SALESmanago". */
  into: string;
  mode: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  /** Source records per second over the whole run, pauses for --pace included. */
  recordsPerSecond: number;
  outcome: 'complete' | 'capped' | 'interrupted' | 'auth-error' | 'outage';
  /** The most contacts this run could take: --max, or the destination's own cap (GetResponse: 10,000). */
  max?: number;
  exitCode: ExitCode;
  message?: string;
  /**
   * This run. `created` is what the destination counted as inserted; `updated` = sent − inserted
   * (Ecomail's bulk reply counts only inserts). In a dry run `contacts` is what would have been sent.
   */
  counts: Counters;
  skippedReasons: Record<string, number>;
  /** Orders the destination does not keep, by its reason (GetResponse keeps none). */
  skippedOrderReasons: Record<string, number>;
  /** Every failed item of this run, with the reason. */
  failed: ItemIssue[];
  source: Record<string, number>;
  /** All runs on this checkpoint together. */
  totals?: Counters;
  checkpoint?: string;
}

const OUTCOME: Record<ImportResult['stoppedBy'], RunReport['outcome']> = {
  end: 'complete',
  max: 'capped',
  signal: 'interrupted',
  auth: 'auth-error',
  outage: 'outage',
  source: 'interrupted',
};

export function buildReport(input: {
  command: string;
  destination: Pick<RunDestination, 'name' | 'target' | 'label'>;
  mode: string;
  dryRun: boolean;
  startedAt: number;
  finishedAt: number;
  result: ImportResult;
  source: Record<string, number>;
  exitCode: ExitCode;
  max?: number;
  checkpoint?: string;
}): RunReport {
  const seconds = Math.max(0.001, (input.finishedAt - input.startedAt) / 1000);
  return {
    command: input.command,
    to: input.destination.name,
    list: input.destination.target,
    into: input.destination.label,
    mode: input.mode,
    dryRun: input.dryRun,
    startedAt: new Date(input.startedAt).toISOString(),
    finishedAt: new Date(input.finishedAt).toISOString(),
    durationSeconds: Math.round(seconds * 1000) / 1000,
    recordsPerSecond: Math.round((input.result.counts.read / seconds) * 10) / 10,
    outcome: OUTCOME[input.result.stoppedBy],
    ...(input.max === undefined ? {} : { max: input.max }),
    exitCode: input.exitCode,
    ...(input.result.message ? { message: input.result.message } : {}),
    counts: input.result.counts,
    skippedReasons: input.result.skippedReasons,
    skippedOrderReasons: input.result.skippedOrderReasons,
    failed: input.result.failures,
    source: input.source,
    ...(input.checkpoint ? { totals: input.result.totals, checkpoint: input.checkpoint } : {}),
  };
}

/** One paragraph for the terminal. */
export function summarize(report: RunReport, reportFile?: string): string {
  const c = report.counts;
  const verb = report.dryRun ? 'would be sent' : 'sent';
  const lines = [
    `${report.command} → ${report.into} (${report.mode}${report.dryRun ? ', dry run: nothing sent' : ''}): ${report.outcome}.`,
    `  ${c.read} records read, ${c.contacts} contacts ${verb} (${c.merged} duplicate records merged) in ${report.durationSeconds} s, ${report.recordsPerSecond} records/s.`,
  ];
  if (!report.dryRun) lines.push(`  ${c.created} created, ${c.updated} updated, ${c.skipped} skipped, ${c.failed} failed.`);
  else if (c.failed) lines.push(`  ${c.failed} would be refused.`);
  if (c.ordersSent || c.ordersFailed) lines.push(`  Orders: ${c.ordersSent} sent, ${c.ordersFailed} failed.`);
  for (const [reason, count] of Object.entries(report.skippedOrderReasons)) lines.push(`  orders not sent ${count}: ${reason}`);
  for (const [reason, count] of Object.entries(report.skippedReasons)) lines.push(`  skipped ${count}: ${reason}`);
  for (const issue of report.failed.slice(0, 5)) lines.push(`  failed ${issue.ref}${issue.email ? ` <${issue.email}>` : ''}: ${issue.reason}`);
  if (report.failed.length > 5) lines.push(`  … and ${report.failed.length - 5} more failures${reportFile ? ' in the report' : ' (use --report to list them all)'}.`);
  if (report.message) lines.push(`  ${report.message}`);
  if (report.outcome === 'capped') lines.push(`  The run's cap of ${report.max} contacts is reached: the rest is left to the next run with the same --checkpoint.`);
  if (report.outcome === 'interrupted' || report.outcome === 'outage') {
    lines.push(report.checkpoint ? `  Run the same command again to resume from ${report.checkpoint}.` : '  Without --checkpoint a new run starts over.');
  }
  if (reportFile) lines.push(`  Report: ${reportFile}`);
  return `${lines.join('\n')}\n`;
}
