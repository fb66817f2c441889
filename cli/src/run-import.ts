import path from 'node:path';
import { EcomailApiError, EcomailClient, type Runtime } from '@ecomail-bridge/shared/node';
import { writeFileAtomic } from './atomic-write';
import type { Checkpoint } from './checkpoint';
import type { CliIo } from './cli-io';
import type { EcomailSettings } from './config';
import { requirePermission } from './consent';
import type { ImportTarget } from './destinations';
import { CliError, ExitCode } from './exit-codes';
import type { BatchWriter } from './batch-writer';
import type { ImportSource } from './import-source';
import { runImport, type ImportResult } from './importer';
import type { ImportFlags } from './options';
import { Pacer } from './pacer';
import { createProgress } from './progress';
import type { Redactor } from './redactor';
import { buildReport, summarize } from './report';

/** Checks the parts of an import that need no source: permission, key, list. Returns the client (none in a dry run). */
export async function prepareEcomail(
  flags: ImportFlags & { list: string },
  settings: EcomailSettings,
  runtime: Required<Runtime>,
  io: CliIo,
): Promise<EcomailClient | undefined> {
  if (flags.dryRun) return undefined;
  if (!settings.apiKey) {
    throw new CliError('No Ecomail API key: set ECOMAIL_API_KEY (or "ecomail.apiKey" in the config file).', ExitCode.usage);
  }
  await requirePermission(flags.confirmPermission === true, io);
  const client = new EcomailClient({ apiKey: settings.apiKey, baseUrl: settings.baseUrl, ...runtime });
  try {
    // One cheap call before any data moves: a wrong key or list fails here, not mid-import.
    await client.getList(flags.list);
  } catch (error) {
    if (error instanceof EcomailApiError && error.isAuthError) throw new CliError(error.message, ExitCode.auth);
    if (error instanceof EcomailApiError && error.status === 404) {
      throw new CliError(`Ecomail has no list ${flags.list}: check --list (Ecomail → Contacts → the list's id).`, ExitCode.usage);
    }
    throw new CliError((error as Error).message, ExitCode.interrupted);
  }
  return client;
}

/** Runs the import, writes the report, prints the summary and returns the exit code. */
export async function executeImport<T>(input: {
  command: string;
  flags: ImportFlags;
  source: ImportSource<T>;
  writer: BatchWriter<T>;
  target: ImportTarget;
  checkpoint: Checkpoint;
  runtime: Required<Runtime>;
  io: CliIo;
  redactor: Redactor;
}): Promise<ExitCode> {
  const { flags, io, redactor } = input;
  const pacer = flags.pace ? new Pacer(flags.pace, input.runtime.sleep, input.runtime.now) : undefined;
  const startedAt = Date.now();
  const sending = input.target.to !== undefined;
  const result = await runImport(input.source, input.writer, {
    destination: input.target.system,
    mode: flags.mode,
    dryRun: !sending,
    max: flags.max,
    batchSize: pacer ? pacer.batchSize(input.target.batchSize) : input.target.batchSize,
    pacer,
    checkpoint: input.checkpoint,
    progress: createProgress(io.stderr, (text) => redactor.apply(text)),
    stopRequested: io.stopRequested,
  });
  const exitCode = exitCodeOf(result);
  const report = buildReport({
    command: input.command,
    destination: input.target.label,
    list: input.target.target,
    mode: flags.mode,
    dryRun: flags.dryRun === true,
    startedAt,
    finishedAt: Date.now(),
    result,
    source: input.source.stats(),
    exitCode,
    checkpoint: sending ? input.checkpoint.path : undefined,
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

