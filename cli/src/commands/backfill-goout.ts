import path from 'node:path';
import {
  GoOutApiError,
  GoOutReconnectError,
  GOOUT_RECONNECT_MESSAGE,
  createNodeRuntime,
  type GoOutTokens,
} from '@ecomail-bridge/shared/node';
import { Checkpoint, checkpointIdentity } from '../checkpoint';
import type { CliIo } from '../cli-io';
import { goOutSettings, loadConfigFile } from '../config';
import { namedTarget, openDestination } from '../destinations';
import { CliError, ExitCode } from '../exit-codes';
import { FileStateStore } from '../file-state-store';
import { saveContactsOptions } from '../job-options';
import type { GoOutFlags } from '../options';
import type { Redactor } from '../redactor';
import { executeImport } from '../run-import';
import { GoOutStream, connectGoOut } from '../sources/goout';
import { goOutPurchaseWriter } from '../writers/goout-purchases';

const TOKENS_KEY = 'goout.tokens';

/** `ecomail-bridge backfill goout`: historical (and, on later runs, new) GoOut buyers into a list or campaign. */
export async function backfillGoOut(flags: GoOutFlags, io: CliIo, redactor: Redactor): Promise<ExitCode> {
  const { config } = await loadConfigFile(flags, io.env, io.cwd);
  const goout = goOutSettings(flags, io.env, config, io.cwd, redactor);
  const runtime = createNodeRuntime();

  // The token file keeps the pair the core last obtained; a rotated refresh token is written there
  // (atomically) before it is used, so a crash right after a refresh cannot lose it.
  let tokenState: FileStateStore;
  try {
    tokenState = await FileStateStore.open(goout.tokenFile, 'immediate');
  } catch (error) {
    throw new CliError(`Cannot read the GoOut token file ${goout.tokenFile}: ${(error as Error).message}`, ExitCode.usage);
  }
  const stored = await tokenState.get<GoOutTokens>(TOKENS_KEY);
  redactor.add(stored?.accessToken);
  redactor.add(stored?.refreshToken);
  const pasted = goout.accessToken && goout.refreshToken ? { accessToken: goout.accessToken, refreshToken: goout.refreshToken } : undefined;
  if (!pasted && !stored?.refreshToken) {
    throw new CliError(
      'No GoOut tokens: set GOOUT_ACCESS_TOKEN and GOOUT_REFRESH_TOKEN (GoOut admin → API tokens) or put them in the config file.',
      ExitCode.usage,
    );
  }

  const checkpoint = await Checkpoint.open(flags.checkpoint && path.resolve(io.cwd, flags.checkpoint), checkpointIdentity('goout', namedTarget(flags)));
  const run = await openDestination({ flags, io, config, runtime, redactor, state: checkpoint.store });
  const connection = connectGoOut({
    runtime,
    baseUrl: goout.baseUrl,
    tokenState,
    initial: pasted,
    onTokens: (tokens) => {
      redactor.add(tokens.accessToken);
      redactor.add(tokens.refreshToken);
    },
  });
  const stream = new GoOutStream(connection.source, {
    state: checkpoint.store,
    position: checkpoint.position,
    organizerId: flags.organizer,
    since: flags.since,
    includeRefunded: flags.includeRefunded,
  });
  const writer = goOutPurchaseWriter(run, {
    ...saveContactsOptions(flags),
    mapping: { personalization: flags.personalization, eventFields: flags.eventFields },
    createOrders: flags.orders,
    shop: flags.shop,
  });

  try {
    const warning = await connection.tokens.refreshTokenWarning();
    if (warning) io.stderr.write(`${warning}\n`);
    return await executeImport({ command: 'backfill goout', flags, source: stream, writer, run, checkpoint, runtime, io, redactor });
  } catch (error) {
    if (error instanceof GoOutReconnectError) throw new CliError(error.message, ExitCode.auth);
    if (error instanceof GoOutApiError && error.status === 401) throw new CliError(`${GOOUT_RECONNECT_MESSAGE} (${error.message}).`, ExitCode.auth);
    throw error;
  }
}
