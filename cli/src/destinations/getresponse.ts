import {
  GETRESPONSE_CONTACTS_PER_RUN,
  GetResponseApiError,
  contactProblem,
  createGetResponseDestination,
  type GetResponseDestination,
} from '@ecomail-bridge/shared/node';
import { getResponseSettings } from '../config';
import { requirePermission } from '../consent';
import { CliError, ExitCode } from '../exit-codes';
import type { OpenDestination } from './index';

/**
 * Records per job call for GetResponse: a 10,000-contact run is two batches, so it starts at most
 * four imports of the account's 20 a day (docs/getresponse.md §4).
 */
export const GETRESPONSE_BATCH_SIZE = 5000;

/**
 * `--to getresponse`: `--campaign`, GETRESPONSE_API_KEY, optional GETRESPONSE_BASE_URL and
 * GETRESPONSE_DOMAIN (MAX accounts). At most 10,000 contacts a run, the product's own cap for
 * scheduled imports (docs/getresponse.md §3.3). The key and campaign are checked before any data moves.
 */
export const openGetResponse: OpenDestination = async ({ flags, io, config, runtime, redactor }) => {
  const campaign = flags.campaign;
  if (!campaign) throw new CliError('--campaign <id> is required with --to getresponse (GetResponse → Lists → the list\u2019s settings show its id).', ExitCode.usage);
  if (flags.list) throw new CliError('--list is for Ecomail; GetResponse takes --campaign.', ExitCode.usage);
  if (flags.max !== undefined && flags.max > GETRESPONSE_CONTACTS_PER_RUN) {
    throw new CliError(
      `A GetResponse run takes at most ${GETRESPONSE_CONTACTS_PER_RUN} contacts (docs/getresponse.md §3.3): use --max ${GETRESPONSE_CONTACTS_PER_RUN} or less; the next run continues from the checkpoint.`,
      ExitCode.usage,
    );
  }
  const base = {
    name: 'getresponse' as const,
    target: campaign,
    validator: { validate: contactProblem },
    label: `GetResponse campaign ${campaign}`,
    system: 'GetResponse',
    batchSize: GETRESPONSE_BATCH_SIZE,
    maxPerRun: GETRESPONSE_CONTACTS_PER_RUN,
    isAuthError: (error: unknown) => error instanceof GetResponseApiError && error.isAuthError,
  };
  if (flags.dryRun) return base;
  const settings = getResponseSettings(io.env, config, redactor);
  if (!settings.apiKey) {
    throw new CliError('No GetResponse API key: set GETRESPONSE_API_KEY (GetResponse → Integrations and API → API), or "getresponse.apiKey" in the config file.', ExitCode.usage);
  }
  await requirePermission(flags.confirmPermission === true, io);
  let destination: GetResponseDestination;
  try {
    destination = createGetResponseDestination({ ...settings, apiKey: settings.apiKey, transport: runtime.transport, sleep: runtime.sleep, clock: runtime.now });
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.usage);
  }
  let found: unknown;
  try {
    // One cheap call before any data moves: a wrong key or campaign fails here, not mid-import.
    found = await destination.client.getCampaign(campaign);
  } catch (error) {
    if (error instanceof GetResponseApiError && error.isAuthError) throw new CliError(error.message, ExitCode.auth);
    throw new CliError((error as Error).message, ExitCode.interrupted);
  }
  if (!found) throw new CliError(`GetResponse has no campaign ${campaign}: check --campaign (GetResponse → Lists → the list\u2019s settings show its id).`, ExitCode.usage);
  return { ...base, destination };
};
