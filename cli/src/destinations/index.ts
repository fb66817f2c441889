/**
 * The one place where `--to` picks a destination. Each destination's opener reads its own flags
 * and credentials, checks them before any data moves and says what the run writes into.
 */
import type { DestinationName, Runtime, StateStore } from '@ecomail-bridge/shared/node';
import { Option } from 'commander';
import type { CliIo } from '../cli-io';
import type { ConfigFile } from '../config';
import type { ImportFlags } from '../options';
import type { Redactor } from '../redactor';
import { openEcomail } from './ecomail';
import { openGetResponse } from './getresponse';
import { openSalesManago } from './salesmanago';
import type { RunDestination } from './run-destination';

export type { RunDestination };

export interface OpenContext {
  flags: ImportFlags;
  io: CliIo;
  config: ConfigFile;
  runtime: Required<Runtime>;
  redactor: Redactor;
  /** What a destination must remember across the run's batches (SALESmanago: event ids), committed with the checkpoint. */
  state: StateStore;
}

export type OpenDestination = (context: OpenContext) => Promise<RunDestination>;

/** Every destination `--to` names. */
const OPENERS: Record<DestinationName, OpenDestination> = {
  ecomail: openEcomail,
  getresponse: openGetResponse,
  salesmanago: openSalesManago,
};

export const DEFAULT_DESTINATION: DestinationName = 'ecomail';

export function destinationOption(): Option {
  return new Option('--to <destination>', 'where the contacts go: ecomail (--list), getresponse (--campaign) or salesmanago (no list; the SALESMANAGO_* variables)')
    .choices(Object.keys(OPENERS))
    .default(DEFAULT_DESTINATION);
}

export function openDestination(context: OpenContext): Promise<RunDestination> {
  return OPENERS[context.flags.to ?? DEFAULT_DESTINATION](context);
}

/**
 * The destination and list or campaign the flags name, before anything is checked: what a
 * checkpoint belongs to. Its opener then refuses a list or campaign the destination does not take.
 */
export function namedTarget(flags: ImportFlags): { name: DestinationName; target: string } {
  const name = flags.to ?? DEFAULT_DESTINATION;
  const target = { ecomail: flags.list, getresponse: flags.campaign, salesmanago: undefined }[name];
  return { name, target: target ?? '' };
}
