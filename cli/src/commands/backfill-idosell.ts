import path from 'node:path';
import {
  IdoSellAuthError,
  IdoSellClient,
  IdoSellOrderSource,
  IdoSellRequestCounter,
  RateLimiter,
  createNodeRuntime,
} from '@ecomail-bridge/shared/node';
import { Checkpoint, checkpointIdentity } from '../checkpoint';
import type { CliIo } from '../cli-io';
import { idosellSettings, loadConfigFile } from '../config';
import { namedTarget, openDestination } from '../destinations';
import { CliError, ExitCode } from '../exit-codes';
import { saveContactsOptions } from '../job-options';
import type { IdoSellFlags } from '../options';
import type { Redactor } from '../redactor';
import { executeImport } from '../run-import';
import { IdoSellStream } from '../sources/idosell';
import { shopOrderWriter } from '../writers/shop-orders';

/** Shops whose newsletter subscribers without an account are exported [A: the sandbox's and most accounts' first two]. */
const SUBSCRIBER_SHOPS = [1, 2];

/**
 * `ecomail-bridge backfill idosell`: newsletter subscribers without an account, then every order
 * changed since `--since` (or since the checkpoint), into the `--to` destination. The report counts the
 * IdoSell requests, which a CLOUD shop pays for against its monthly cap.
 */
export async function backfillIdoSell(flags: IdoSellFlags, io: CliIo, redactor: Redactor): Promise<ExitCode> {
  const { config } = await loadConfigFile(flags, io.env, io.cwd);
  const shop = idosellSettings(io.env, config, redactor);
  if (!shop.apiKey || !shop.shopUrl) {
    throw new CliError(
      'No IdoSell shop: set IDOSELL_SHOP_URL (e.g. https://clientXXXX.idosell.com) and IDOSELL_API_KEY (shop panel → Administration → API → Admin API access keys).',
      ExitCode.usage,
    );
  }
  const runtime = createNodeRuntime();
  let client: IdoSellClient;
  try {
    client = new IdoSellClient({
      shopUrl: shop.shopUrl,
      apiKey: shop.apiKey,
      apiVersion: shop.apiVersion,
      counter: new IdoSellRequestCounter(flags.requestBudget),
      // One request at a time is how the stream reads; this spreads them further (docs/idosell.md §5).
      limiter: flags.requestsPerMinute ? new RateLimiter(flags.requestsPerMinute, 60_000, runtime.now, runtime.sleep) : undefined,
      ...runtime,
    });
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.usage);
  }

  const checkpoint = await Checkpoint.open(flags.checkpoint && path.resolve(io.cwd, flags.checkpoint), checkpointIdentity('idosell', namedTarget(flags)));
  const run = await openDestination({ flags, io, config, runtime, redactor, state: checkpoint.store });
  const stream = new IdoSellStream(client, new IdoSellOrderSource(client, { categorySource: flags.categorySource }), {
    position: checkpoint.position,
    since: flags.since && `${flags.since} 00:00:00`,
    subscriberShops: flags.subscribers ? SUBSCRIBER_SHOPS : [],
  });
  const writer = shopOrderWriter(run, {
    ...saveContactsOptions(flags),
    consentMode: flags.consentMode,
    mapping: { personalization: flags.personalization, registeredTag: flags.registeredTag, newsletterTag: flags.newsletterTag },
    createOrders: flags.orders,
    shop: flags.shop,
  });
  try {
    return await executeImport({ command: 'backfill idosell', flags, source: stream, writer, run, checkpoint, runtime, io, redactor });
  } catch (error) {
    if (error instanceof IdoSellAuthError) throw new CliError(error.message, ExitCode.auth);
    throw error;
  }
}
