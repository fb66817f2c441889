import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createNodeRuntime } from '@ecomail-bridge/shared/node';
import { Checkpoint, checkpointIdentity } from '../checkpoint';
import type { CliIo } from '../cli-io';
import { loadConfigFile } from '../config';
import { namedTarget, openDestination } from '../destinations';
import { CliError, ExitCode } from '../exit-codes';
import { saveContactsOptions } from '../job-options';
import type { EllityFlags } from '../options';
import type { Redactor } from '../redactor';
import { executeImport } from '../run-import';
import { EllityCsvStream } from '../sources/ellity-csv';
import { contactWriter } from '../writers/contacts';

/** `ecomail-bridge export ellity`: the one-time export of existing loyalty customers (docs/stories.md §3). */
export async function exportEllity(flags: EllityFlags, io: CliIo, redactor: Redactor): Promise<ExitCode> {
  const { config } = await loadConfigFile(flags, io.env, io.cwd);
  const file = path.resolve(io.cwd, flags.file);
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, ExitCode.usage);
  }
  const runtime = createNodeRuntime();
  const checkpoint = await Checkpoint.open(
    flags.checkpoint && path.resolve(io.cwd, flags.checkpoint),
    checkpointIdentity('ellity', namedTarget(flags), { path: file, size }),
  );
  const run = await openDestination({ flags, io, config, runtime, redactor, state: checkpoint.store });
  const source = await EllityCsvStream.open(file, checkpoint.position);
  const writer = contactWriter(run, saveContactsOptions(flags));
  return executeImport({ command: 'export ellity', flags, source, writer, run, checkpoint, runtime, io, redactor });
}
