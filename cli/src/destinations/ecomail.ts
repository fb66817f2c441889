import {
  BULK_SUBSCRIBE_LIMIT,
  ContactDirectory,
  EcomailApiError,
  EcomailClient,
  ecomailDestination,
  validateSubscriber,
} from '@ecomail-bridge/shared/node';
import { ecomailSettings } from '../config';
import { requirePermission } from '../consent';
import { CliError, ExitCode } from '../exit-codes';
import type { OpenDestination } from './index';

/**
 * `--to ecomail` (the default): `--list`,
 * ECOMAIL_API_KEY. Permission, key and list are checked before any data moves.
 */
export const openEcomail: OpenDestination = async ({ flags, io, config, runtime, redactor }) => {
  const listId = flags.list;
  if (!listId) throw new CliError('--list <id> is required with --to ecomail (Ecomail → Contacts → the list\u2019s id).', ExitCode.usage);
  if (flags.campaign) throw new CliError('--campaign is for --to getresponse; Ecomail takes --list.', ExitCode.usage);
  const base = {
    name: 'ecomail' as const,
    target: listId,
    validator: { validate: validateSubscriber },
    label: `Ecomail list ${listId}`,
    system: 'Ecomail',
    batchSize: BULK_SUBSCRIBE_LIMIT,
    isAuthError: (error: unknown) => error instanceof EcomailApiError && error.isAuthError,
  };
  if (flags.dryRun) return base;
  const settings = ecomailSettings(flags, io.env, config, redactor);
  if (!settings.apiKey) {
    throw new CliError('No Ecomail API key: set ECOMAIL_API_KEY (or "ecomail.apiKey" in the config file).', ExitCode.usage);
  }
  await requirePermission(flags.confirmPermission === true, io);
  const client = new EcomailClient({ apiKey: settings.apiKey, baseUrl: settings.baseUrl, ...runtime });
  try {
    // One cheap call before any data moves: a wrong key or list fails here, not mid-import.
    await client.getList(listId);
  } catch (error) {
    if (error instanceof EcomailApiError && error.isAuthError) throw new CliError(error.message, ExitCode.auth);
    if (error instanceof EcomailApiError && error.status === 404) {
      throw new CliError(`Ecomail has no list ${listId}: check --list (Ecomail → Contacts → the list's id).`, ExitCode.usage);
    }
    throw new CliError((error as Error).message, ExitCode.interrupted);
  }
  // One directory per run, shared by every batch: the account's member listings are read at most once.
  return { ...base, destination: ecomailDestination(client, { directory: new ContactDirectory(client) }) };
};
