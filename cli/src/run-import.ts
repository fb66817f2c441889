import path from 'node:path';
import type { Runtime } from '@ecomail-bridge/shared/node';
import { writeFileAtomic } from './atomic-write';
import type { Checkpoint } from './checkpoint';
import type { CliIo } from './cli-io';
import type { RunDestination } from './destinations';
import { ExitCode } from './exit-codes';
import type { BatchWriter } from './batch-writer';
import type { ImportSource } from './import-source';
import { runImport, type ImportResult } from './importer';
import type { ImportFlags } from './options';
import { Pacer } from './pacer';
import { createProgress } from './progress';
import type { Redactor } from './redactor';
import { buildReport, summarize } from './report';

/** Runs the import, writes the report, prints the summary and returns the exit code. */
export async function executeImport<T>(input: {
  command: string;
  flags: ImportFlags;
  source: ImportSource<T>;
  writer: BatchWriter<T>;
  run: RunDestination;
  checkpoint: Checkpoint;
  runtime: Required<Runtime>;
  io: CliIo;
  redactor: Redactor;
}): Promise<ExitCode> {
  const { flags, io, redactor, run } = input;
  const pacer = flags.pace ? new Pacer(flags.pace, input.runtime.sleep, input.runtime.now) : undefined;
  const startedAt = Date.now();
  const max = flags.max ?? run.maxPerRun;
  const result = await runImport(input.source, input.writer, {
    mode: flags.mode,
    dryRun: !run.destination,
    max,
    batchSize: pacer ? pacer.batchSize(run.batchSize) : run.batchSize,
    destination: run,
    pacer,
    checkpoint: input.checkpoint,
    progress: createProgress(io.stderr, (text) => redactor.apply(text)),
    stopRequested: io.stopRequested,
  });
  const exitCode = exitCodeOf(result);
  const report = buildReport({
    command: input.command,
    destination: run,
    mode: flags.mode,
    dryRun: flags.dryRun === true,
    startedAt,
    finishedAt: Date.now(),
    result,
    source: input.source.stats(),
    exitCode,
    max,
    checkpoint: run.destination ? input.checkpoint.path : undefined,
  });
  const reportFile = flags.report && path.resolve(io.cwd, flags.report);
  if (reportFile) await writeFileAtomic(reportFile, redactor.apply(`${JSON.stringify(report, null, 2)}\n`));
  io.stdout.write(redactor.apply(summarize(report, reportFile)));
  return exitCode;
}

function exitCodeOf(result: ImportResult): ExitCode {
  if (result.stoppedBy === 'auth') return ExitCode.auth;
  if (result.stoppedBy === 'signal' || result.stoppedBy === 'outage' || result.stoppedBy === 'source') return ExitCode.interrupted;
  return result.counts.failed > 0 || result.counts.ordersFailed > 0 ? ExitCode.itemsFailed : ExitCode.ok;
}

