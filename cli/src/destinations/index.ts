/**
 * The one place where `--to` picks a destination. Each destination's opener reads its own flags
 * and credentials, checks them before any data moves and says what the run writes into.
 */
import type { DestinationName, Runtime } from '@ecomail-bridge/shared/node';
import { Option } from 'commander';
import type { CliIo } from '../cli-io';
import type { ConfigFile } from '../config';
import { CliError, ExitCode } from '../exit-codes';
import type { ImportFlags } from '../options';
import type { Redactor } from '../redactor';
import { openEcomail } from './ecomail';
import { openGetResponse } from './getresponse';
import type { RunDestination } from './run-destination';

export type { RunDestination };

export interface OpenContext {
  flags: ImportFlags;
  io: CliIo;
  config: ConfigFile;
  runtime: Required<Runtime>;
  redactor: Redactor;
}

export type OpenDestination = (context: OpenContext) => Promise<RunDestination>;

/** Every destination `--to` names; one not built into this CLI yet has no opener. */
const OPENERS: Record<DestinationName, OpenDestination | undefined> = {
  ecomail: openEcomail,
  getresponse: openGetResponse,
  salesmanago: undefined,
};

export const DEFAULT_DESTINATION: DestinationName = 'ecomail';

export function destinationOption(): Option {
  return new Option('--to <destination>', 'where the contacts go: ecomail (--list), getresponse (--campaign)')
    .choices(Object.keys(OPENERS))
    .default(DEFAULT_DESTINATION);
}

export function openDestination(context: OpenContext): Promise<RunDestination> {
  const name = context.flags.to ?? DEFAULT_DESTINATION;
  const open = OPENERS[name];
  if (!open) throw new CliError(`--to ${name} is not available in this version of ecomail-bridge yet; use ecomail or getresponse.`, ExitCode.usage);
  return open(context);
}
