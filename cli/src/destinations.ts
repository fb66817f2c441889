import {
  BULK_SUBSCRIBE_LIMIT,
  EcomailApiError,
  SALESMANAGO_EVENT_PACKAGE,
  SalesManagoApiError,
  createSalesManagoDestination,
  salesManagoContactProblem,
  salesManagoSha,
  salesManagoUnsupportedChoice,
  validateSubscriber,
  type Destination,
  type DestinationInput,
  type EcomailClient,
  type Runtime,
  type StateStore,
} from '@ecomail-bridge/shared/node';
import { Option } from 'commander';
import { tagHandlingOf } from './choice-options';
import type { CliIo } from './cli-io';
import { ecomailSettings, salesManagoSettings, type ConfigFile } from './config';
import { requirePermission } from './consent';
import { CliError, ExitCode } from './exit-codes';
import type { DestinationFlags, ImportFlags } from './options';
import type { Redactor } from './redactor';
import { prepareEcomail } from './run-import';

/** Where an import can write: the one place the CLI chooses a destination (`--to`). */
export const CLI_DESTINATIONS = ['ecomail', 'salesmanago'] as const;
export type CliDestination = (typeof CLI_DESTINATIONS)[number];

/**
 * Records per job call for SALESmanago: one event call's worth (1,000). A run stopped by refused
 * credentials or an outage then never leaves half of a batch's events sent — the batch is repeated
 * on resume, and events, unlike contacts, would be added twice (docs/salesmanago.md §13).
 */
const SALESMANAGO_BATCH = SALESMANAGO_EVENT_PACKAGE;

export function destinationOption(): Option {
  return new Option('--to <destination>', 'where the contacts go: ecomail (--list, ECOMAIL_API_KEY) or salesmanago (the SALESMANAGO_* variables)')
    .choices(CLI_DESTINATIONS)
    .default('ecomail');
}

/** What an import writes to, ready for the core's jobs. */
export interface ImportTarget {
  name: CliDestination;
  /** The system, in messages: "Ecomail", "SALESmanago". */
  system: string;
  /** Where exactly, in summaries: "Ecomail list 7", "SALESmanago". */
  label: string;
  /** What the job is given; undefined in a dry run (nothing is sent). */
  to: DestinationInput | undefined;
  /** The job's target: the Ecomail list id; SALESmanago has no lists. */
  target: string;
  /** The destination's local refusals, for dry runs. */
  validator: Pick<Destination, 'validate'>;
  batchSize: number;
  /** Ecomail only: the client, so one contact directory serves the run. */
  ecomail?: EcomailClient;
}

/** The checkpoint identity part of the destination: old Ecomail checkpoints stay valid. */
export function checkpointTarget(flags: ImportFlags & DestinationFlags): { listId: string; to?: 'salesmanago' } {
  return flags.to === 'salesmanago' ? { listId: '', to: 'salesmanago' } : { listId: flags.list ?? '' };
}

/** What preparing a destination needs from the run. */
export interface RunContext {
  config: ConfigFile;
  /** What a destination must remember across the run's batches (SALESmanago: event ids), committed with the checkpoint. */
  state: StateStore;
  runtime: Required<Runtime>;
  io: CliIo;
  redactor: Redactor;
}

/**
 * Checks what needs no source — flags, credentials, permission — and connects: a wrong key, list or
 * endpoint fails here, before any data moves.
 */
export async function prepareTarget(flags: ImportFlags & DestinationFlags, run: RunContext): Promise<ImportTarget> {
  if (flags.to === 'salesmanago') return prepareSalesManago(flags, run);
  if (!flags.list) throw new CliError("required option '--list <id>' not specified", ExitCode.usage);
  const list = flags.list;
  const settings = ecomailSettings(flags, run.io.env, run.config, run.redactor);
  return ecomailTarget(await prepareEcomail({ ...flags, list }, settings, run.runtime, run.io), list);
}

/** An Ecomail list as the target; `client` is undefined in a dry run. */
export function ecomailTarget(client: EcomailClient | undefined, list: string): ImportTarget {
  return {
    name: 'ecomail',
    system: 'Ecomail',
    label: `Ecomail list ${list}`,
    to: client,
    target: list,
    validator: { validate: validateSubscriber },
    batchSize: BULK_SUBSCRIBE_LIMIT,
    ecomail: client,
  };
}

const SALESMANAGO_VARIABLES = { clientId: 'SALESMANAGO_CLIENT_ID', apiKey: 'SALESMANAGO_API_KEY', apiSecret: 'SALESMANAGO_API_SECRET', owner: 'SALESMANAGO_OWNER', baseUrl: 'SALESMANAGO_BASE_URL' } as const;

async function prepareSalesManago(flags: ImportFlags, { config, state, runtime, io, redactor }: RunContext): Promise<ImportTarget> {
  if (flags.list) throw new CliError('SALESmanago has no lists: leave out --list (contacts are told apart by their tags).', ExitCode.usage);
  const unsupported = salesManagoUnsupportedChoice({ tagHandling: tagHandlingOf(flags) });
  if (unsupported) throw new CliError(unsupported, ExitCode.usage);
  const prepared = { name: 'salesmanago' as const, system: 'SALESmanago', label: 'SALESmanago', target: '', validator: { validate: salesManagoContactProblem }, batchSize: SALESMANAGO_BATCH };
  const settings = salesManagoSettings(io.env, config, redactor);
  if (flags.dryRun) return { ...prepared, to: undefined };
  const missing = Object.entries(SALESMANAGO_VARIABLES).filter(([key]) => !settings[key as keyof typeof SALESMANAGO_VARIABLES]);
  if (missing.length > 0) {
    throw new CliError(
      `SALESmanago needs ${missing.map(([, name]) => name).join(', ')} (Integration Center → API: endpoint, client id, API secret; the owner is the user's e-mail; the API key is any text you choose) or the config file's "salesmanago" block.`,
      ExitCode.usage,
    );
  }
  const credentials = settings as Required<typeof settings>;
  // The sha is as good as the secret for as long as the key stays the same.
  redactor.add(salesManagoSha(credentials));
  await requirePermission(flags.confirmPermission === true, io);
  let destination;
  try {
    destination = createSalesManagoDestination({ ...runtime, ...credentials, state });
    await destination.client.testConnection();
  } catch (error) {
    if (error instanceof SalesManagoApiError && error.isAuthError) throw new CliError(error.message, ExitCode.auth);
    if (error instanceof SalesManagoApiError && error.kind === 'unavailable') throw new CliError(error.message, ExitCode.interrupted);
    throw new CliError((error as Error).message, ExitCode.usage);
  }
  return { ...prepared, to: destination };
}

/** Whether an error ends the run: refused credentials (a person must act) or an outage (run again). */
export function runEndingKind(error: unknown): 'auth' | 'outage' | undefined {
  if (error instanceof EcomailApiError) return error.isAuthError ? 'auth' : isOutage(error.status) ? 'outage' : undefined;
  if (error instanceof SalesManagoApiError) return error.isAuthError ? 'auth' : error.kind === 'unavailable' ? 'outage' : undefined;
  return undefined;
}

/** No answer, still throttled after the retries, or a server fault: the destination, not the rows. */
export function isOutage(status: number | undefined): boolean {
  return status !== undefined && (status === 0 || status === 429 || status >= 500);
}
