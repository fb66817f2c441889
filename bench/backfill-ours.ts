/**
 * Our backfill, the CLI's own path: the core's GoOut stream → batches of 3,000 purchases → the core's
 * GoOut job (merge per buyer, tag keeping, subscribe-bulk) — runImport from cli/src/importer.ts with
 * the writer and job options `backfill goout` builds.
 */
import { BULK_SUBSCRIBE_LIMIT, ContactDirectory, EcomailClient, createNodeRuntime, ecomailDestination, validateSubscriber, type TagHandling } from '@ecomail-bridge/shared/node';
import { Checkpoint } from '../cli/src/checkpoint';
import { runImport } from '../cli/src/importer';
import { saveContactsOptions } from '../cli/src/job-options';
import { GoOutStream } from '../cli/src/sources/goout';
import { goOutPurchaseWriter } from '../cli/src/writers/goout-purchases';
import { connect, ORGANIZER_ID, type GoOutAccess } from './goout';
import { countingSleep, LIMIT, WINDOW_MS } from './scale';

export interface EcomailAccess {
  url: string;
  apiKey: string;
}

export interface BackfillFigures {
  purchases: number;
  contacts: number;
  ecomailCalls: number;
  gooutCalls?: number;
  ms: number;
  waitedMs: number;
}

const silentProgress = { start() {}, update() {}, stop() {} };

export async function backfillOurs(
  goout: GoOutAccess,
  ecomail: EcomailAccess,
  options: { tagHandling: TagHandling; orders: boolean },
): Promise<BackfillFigures> {
  const runtime = createNodeRuntime();
  const clock = countingSleep();
  const client = new EcomailClient({
    apiKey: ecomail.apiKey,
    baseUrl: ecomail.url,
    transport: runtime.transport,
    now: runtime.now,
    sleep: clock.sleep,
    rateLimitPerMinute: LIMIT,
    rateLimitWindowMs: WINDOW_MS,
  });
  const checkpoint = await Checkpoint.open(undefined, { source: 'goout', listId: '1' });
  const stream = new GoOutStream(connect(goout).source, {
    state: checkpoint.store,
    position: undefined,
    organizerId: ORGANIZER_ID,
  });
  const flags = { list: '1', mode: 'add-and-update', tagHandling: options.tagHandling } as const;
  const destination = ecomailDestination(client, { directory: new ContactDirectory(client) });
  const writer = goOutPurchaseWriter({ destination, target: flags.list, validator: { validate: validateSubscriber } }, { ...saveContactsOptions(flags), createOrders: options.orders });
  const started = performance.now();
  const result = await runImport(stream, writer, {
    mode: flags.mode,
    dryRun: false,
    batchSize: BULK_SUBSCRIBE_LIMIT,
    destination: { system: 'Ecomail', isAuthError: destination.isAuthError },
    checkpoint,
    progress: silentProgress,
    stopRequested: () => false,
  });
  if (result.counts.failed > 0 || result.stoppedBy === 'auth' || result.stoppedBy === 'outage') {
    throw new Error(`backfill did not complete: ${result.stoppedBy}, ${result.counts.failed} failed`);
  }
  return {
    purchases: result.counts.read + (stream.skips()['GoOut purchase without an e-mail address'] ?? 0),
    contacts: result.counts.contacts,
    ecomailCalls: client.requestCount,
    ms: performance.now() - started,
    waitedMs: clock.waited(),
  };
}
