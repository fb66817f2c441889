import {
  SALESMANAGO_EVENT_PACKAGE,
  SalesManagoApiError,
  createSalesManagoDestination,
  salesManagoContactProblem,
  salesManagoSha,
  salesManagoUnsupportedChoice,
  type SalesManagoDestination,
} from '@ecomail-bridge/shared/node';
import { tagHandlingOf } from '../choice-options';
import { salesManagoSettings } from '../config';
import { requirePermission } from '../consent';
import { CliError, ExitCode } from '../exit-codes';
import type { OpenDestination } from './index';

/**
 * Records per job call for SALESmanago: one event call's worth (1,000). A run stopped by refused
 * credentials or an outage then never leaves half of a batch's events sent — the batch is repeated
 * on resume, and events, unlike contacts, would be added twice (docs/salesmanago.md §13).
 */
const SALESMANAGO_BATCH_SIZE = SALESMANAGO_EVENT_PACKAGE;

const SALESMANAGO_VARIABLES = {
  clientId: 'SALESMANAGO_CLIENT_ID',
  apiKey: 'SALESMANAGO_API_KEY',
  apiSecret: 'SALESMANAGO_API_SECRET',
  owner: 'SALESMANAGO_OWNER',
  baseUrl: 'SALESMANAGO_BASE_URL',
} as const;

/**
 * `--to salesmanago`: no list (contacts are told apart by their tags), the SALESMANAGO_* variables.
 * The event ids it must remember across batches live in the checkpoint (`state`). The credentials
 * are tested before any data moves.
 */
export const openSalesManago: OpenDestination = async ({ flags, io, config, runtime, redactor, state }) => {
  if (flags.list || flags.campaign) {
    throw new CliError(`SALESmanago has no lists: leave out ${flags.list ? '--list' : '--campaign'} (contacts are told apart by their tags).`, ExitCode.usage);
  }
  const unsupported = salesManagoUnsupportedChoice({ tagHandling: tagHandlingOf(flags) });
  if (unsupported) throw new CliError(unsupported, ExitCode.usage);
  const base = {
    name: 'salesmanago' as const,
    target: '',
    validator: { validate: salesManagoContactProblem },
    label: 'SALESmanago',
    system: 'SALESmanago',
    batchSize: SALESMANAGO_BATCH_SIZE,
    isAuthError: (error: unknown) => error instanceof SalesManagoApiError && error.isAuthError,
  };
  if (flags.dryRun) return base;
  const settings = salesManagoSettings(io.env, config, redactor);
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
  let destination: SalesManagoDestination;
  try {
    destination = createSalesManagoDestination({ ...runtime, ...credentials, state });
    // One cheap call before any data moves: wrong credentials or endpoint fail here, not mid-import.
    await destination.client.testConnection();
  } catch (error) {
    if (error instanceof SalesManagoApiError && error.isAuthError) throw new CliError(error.message, ExitCode.auth);
    if (error instanceof SalesManagoApiError && error.kind === 'unavailable') throw new CliError(error.message, ExitCode.interrupted);
    throw new CliError((error as Error).message, ExitCode.usage);
  }
  return { ...base, destination };
};
