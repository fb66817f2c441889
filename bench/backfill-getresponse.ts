/**
 * GoOut purchases into GetResponse, the CLI's own path (`backfill goout --to getresponse`): the core's
 * GoOut stream → batches of 5,000 purchases → `syncGoOutPurchases` through the GetResponse destination,
 * at most 10,000 contacts (the product's cap for one run). On a 10× clock like the Ecomail runs: our
 * 10 calls a second run over a 100 ms window, the sandbox's 30,000 calls per 10 minutes over one
 * minute and its 80 a second as 800, queued creates and the adapter's waits a tenth as long.
 */
import {
  DEFAULT_GETRESPONSE_TIMING,
  GETRESPONSE_CONTACTS_PER_RUN,
  GETRESPONSE_REQUESTS_PER_SECOND,
  contactProblem,
  createGetResponseDestination,
  createNodeRuntime,
  type GetResponseTiming,
  type TagHandling,
} from '@ecomail-bridge/shared/node';
import { Checkpoint } from '../cli/src/checkpoint';
import { GETRESPONSE_BATCH_SIZE } from '../cli/src/destinations/getresponse';
import { runImport } from '../cli/src/importer';
import { saveContactsOptions } from '../cli/src/job-options';
import { GoOutStream } from '../cli/src/sources/goout';
import { goOutPurchaseWriter } from '../cli/src/writers/goout-purchases';
import { endpointOf, startGetResponseSandbox } from '../test/sandbox/getresponse';
import { connect, ORGANIZER_ID, type GoOutAccess } from './goout';
import { countingSleep, SCALE } from './scale';

export interface GetResponseFigures {
  tagHandling: TagHandling;
  purchases: number;
  contacts: number;
  /** GetResponse calls, retries included. */
  calls: number;
  ms: number;
  /** Time spent in the client's waits (pacing, import polls, lookups of queued contacts), on the 10× clock. */
  waitedMs: number;
  created: number;
  skipped: number;
  imports: number;
  /** `METHOD /path` (ids as :id) → calls, retries included. */
  byEndpoint: Record<string, number>;
}

const silentProgress = { start() {}, update() {}, stop() {} };
const scaled = (waits: readonly number[]) => waits.map((ms) => ms / SCALE);
const TIMING: GetResponseTiming = {
  importPollWaitsMs: scaled(DEFAULT_GETRESPONSE_TIMING.importPollWaitsMs),
  importBusyWaitsMs: scaled(DEFAULT_GETRESPONSE_TIMING.importBusyWaitsMs),
  relookupWaitsMs: scaled(DEFAULT_GETRESPONSE_TIMING.relookupWaitsMs),
};

/** The least real time our pace allows for `calls` requests. */
export function getResponseFloorMs(calls: number): number {
  return (calls / GETRESPONSE_REQUESTS_PER_SECOND) * 1000;
}

export async function backfillGetResponse(goout: GoOutAccess, tagHandling: TagHandling): Promise<GetResponseFigures> {
  const sandbox = await startGetResponseSandbox({
    apiKeys: [`bench-${tagHandling}`],
    createDelayMs: 1000 / SCALE,
    rateLimit: { requests: 30_000, windowMs: 600_000 / SCALE, burst: 80 * SCALE, maxConcurrent: 10 },
  });
  try {
    const runtime = createNodeRuntime();
    const clock = countingSleep();
    const destination = createGetResponseDestination({
      apiKey: `bench-${tagHandling}`,
      baseUrl: sandbox.apiUrl,
      transport: runtime.transport,
      clock: runtime.now,
      sleep: clock.sleep,
      requestsPerSecond: GETRESPONSE_REQUESTS_PER_SECOND,
      rateWindowMs: 1000 / SCALE,
      timing: TIMING,
    });
    const checkpoint = await Checkpoint.open(undefined, { source: 'goout', listId: sandbox.campaignIds[0], destination: 'getresponse' });
    const stream = new GoOutStream(connect(goout).source, { state: checkpoint.store, position: undefined, organizerId: ORGANIZER_ID });
    const flags = { mode: 'add-and-update', tagHandling } as const;
    const writer = goOutPurchaseWriter(
      { destination, target: sandbox.campaignIds[0], validator: { validate: contactProblem } },
      { ...saveContactsOptions(flags), createOrders: false },
    );
    const started = performance.now();
    const result = await runImport(stream, writer, {
      mode: flags.mode,
      dryRun: false,
      max: GETRESPONSE_CONTACTS_PER_RUN,
      batchSize: GETRESPONSE_BATCH_SIZE,
      destination: { system: 'GetResponse', isAuthError: destination.isAuthError },
      checkpoint,
      progress: silentProgress,
      stopRequested: () => false,
    });
    const ms = performance.now() - started;
    if (result.counts.failed > 0 || result.stoppedBy === 'auth' || result.stoppedBy === 'outage') {
      throw new Error(`GetResponse backfill did not complete: ${result.stoppedBy}, ${result.counts.failed} failed`);
    }
    const byEndpoint: Record<string, number> = {};
    for (const call of sandbox.state.calls()) byEndpoint[endpointOf(call)] = (byEndpoint[endpointOf(call)] ?? 0) + 1;
    return {
      tagHandling,
      purchases: result.counts.read,
      contacts: result.counts.contacts,
      created: result.counts.created,
      skipped: result.counts.skipped,
      imports: sandbox.state.imports().length,
      calls: destination.client.requestCount,
      ms,
      waitedMs: clock.waited(),
      byEndpoint,
    };
  } finally {
    await sandbox.close();
  }
}
