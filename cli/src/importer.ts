import type { ImportMode } from '@ecomail-bridge/shared/node';
import type { BatchResult, BatchWriter } from './batch-writer';
import type { Checkpoint } from './checkpoint';
import type { RunDestination } from './destinations';
import { addCounters, emptyCounters, type Counters } from './counters';
import type { ImportSource, SourceRecord } from './import-source';
import type { Pacer } from './pacer';
import type { Progress } from './progress';

export interface ImportOptions {
  /** The user's import mode, for the report's words only: the core's job applies it. */
  mode: ImportMode;
  /** Nothing is sent: the writer only previews, no checkpoint is committed. */
  dryRun: boolean;
  /** Most distinct contacts this run hands to the destination. */
  max?: number;
  /** Records per batch (one job call); pacing makes batches smaller so the flow stays even. */
  batchSize: number;
  /** What tells a refused credential, and the system's name for messages. */
  destination: Pick<RunDestination, 'isAuthError' | 'system'>;
  pacer?: Pacer;
  checkpoint: Checkpoint;
  progress: Progress;
  /** Set by SIGINT/SIGTERM: finish the batch in flight, save, stop. */
  stopRequested: () => boolean;
}

export interface ItemIssue {
  ref: string;
  email?: string;
  reason: string;
}

export type StopReason = 'end' | 'max' | 'signal' | 'auth' | 'outage' | 'source';

export interface ImportResult {
  counts: Counters;
  totals: Counters;
  skippedReasons: Record<string, number>;
  skippedOrderReasons: Record<string, number>;
  failures: ItemIssue[];
  stoppedBy: StopReason;
  /** What stopped an auth or outage run, in the user's words. */
  message?: string;
}

/** Ends the run before the batch in flight is committed, so a resume repeats it. */
class StopRun extends Error {
  constructor(
    readonly reason: 'auth' | 'outage',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Pulls records, hands each batch to the core's job, then commits the checkpoint. A batch that did
 * not reach the destination is never committed: an interrupted run (even SIGKILL) resumes with it, and a
 * confirmed one is never sent again.
 */
export async function runImport<T>(source: ImportSource<T>, writer: BatchWriter<T>, options: ImportOptions): Promise<ImportResult> {
  const tally = new Tally(options.mode);
  const totals = () => addCounters(options.checkpoint.previousTotals, tally.counts);
  const commit = async () => {
    if (!options.dryRun) await options.checkpoint.commit(source.position(), totals());
  };
  const finish = async (stoppedBy: StopReason, message?: string): Promise<ImportResult> => {
    if (stoppedBy !== 'end') await source.stop();
    // The stop may have moved the source's cursor (it saves on stop): keep that in the file too.
    for (const [reason, n] of Object.entries(source.skips())) tally.skip(reason, n);
    if (stoppedBy !== 'auth' && stoppedBy !== 'outage') await commit();
    const failure = stoppedBy === 'end' ? source.failure?.() : undefined;
    return { ...tally.result(), totals: totals(), stoppedBy: failure?.reason ?? stoppedBy, message: failure?.message ?? message };
  };

  options.progress.start(source.total);
  try {
    for (;;) {
      // A batch of n records holds at most n distinct contacts, so --max is never overshot.
      const room = Math.min(options.batchSize, (options.max ?? Infinity) - tally.counts.contacts);
      if (room <= 0) return await finish('max');
      const { batch, ended } = await collectBatch(source, room, options.stopRequested, tally);
      if (batch.length > 0) {
        const items = batch.map((record) => record.item as T);
        const result = options.dryRun ? writer.preview(items) : await send(writer, items, options.destination);
        tally.batch(batch, result, options.dryRun);
      }
      await commit();
      options.progress.update(tally.counts);
      if (options.stopRequested()) return await finish('signal');
      if (ended) return await finish('end');
      if (options.pacer && (await options.pacer.wait(tally.counts.contacts, options.stopRequested)) === 'stopped') {
        return await finish('signal');
      }
    }
  } catch (error) {
    if (error instanceof StopRun) return await finish(error.reason, error.message);
    throw error;
  } finally {
    options.progress.stop(tally.counts);
  }
}

/** Fills one batch with up to `room` records; `ended` when the source ran dry or a stop was asked for. */
async function collectBatch<T>(
  source: ImportSource<T>,
  room: number,
  stopRequested: () => boolean,
  tally: Tally,
): Promise<{ batch: Array<SourceRecord<T>>; ended: boolean }> {
  const batch: Array<SourceRecord<T>> = [];
  while (batch.length < room) {
    if (stopRequested()) return { batch, ended: true };
    const record = await source.next();
    if (!record) return { batch, ended: true };
    tally.counts.read++;
    if (record.item === null) tally.fail({ ref: record.ref, reason: record.problem ?? 'no contact data' });
    else batch.push(record);
  }
  return { batch, ended: false };
}

/** The job's call; an outage or a refused key ends the run so that resume sends the batch again. */
async function send<T>(writer: BatchWriter<T>, items: T[], destination: ImportOptions['destination']): Promise<BatchResult> {
  let result: BatchResult;
  try {
    result = await writer.write(items);
  } catch (error) {
    throwIfRunEnding(error, destination);
    throw error;
  }
  for (const { contact, order } of result.outcomes) {
    if (contact.status === 'failed' && isOutage(contact.httpStatus)) {
      throw new StopRun('outage', `${destination.system} did not take the batch: ${contact.reason}`);
    }
    if (order?.status === 'failed') throwIfRunEnding(order.error, destination);
  }
  return result;
}

/** Counters and per-item issues of one run. */
class Tally {
  readonly counts = emptyCounters();
  private readonly skippedReasons: Record<string, number> = {};
  private readonly skippedOrderReasons: Record<string, number> = {};
  private readonly failures: ItemIssue[] = [];

  constructor(private readonly mode: ImportMode) {}

  skip(reason: string, n = 1): void {
    if (n <= 0) return;
    this.counts.skipped += n;
    this.skippedReasons[reason] = (this.skippedReasons[reason] ?? 0) + n;
  }

  fail(issue: ItemIssue): void {
    this.counts.failed++;
    this.failures.push(issue);
  }

  /** One batch's outcomes: a record the job folded into an earlier one is `merged` and reported under that one. */
  batch<T>(records: Array<SourceRecord<T>>, result: BatchResult, dryRun: boolean): void {
    const refs = records.map((record) => [record.ref]);
    result.outcomes.forEach(({ contact }, index) => {
      if (contact.duplicateOf === undefined) return;
      this.counts.merged++;
      refs[contact.duplicateOf].push(records[index].ref);
    });
    let saved = 0;
    result.outcomes.forEach(({ contact, order }, index) => {
      if (order?.status === 'sent') this.counts.ordersSent++;
      else if (order?.status === 'skipped') {
        this.counts.ordersSkipped++;
        this.skippedOrderReasons[order.reason] = (this.skippedOrderReasons[order.reason] ?? 0) + 1;
      } else if (order?.status === 'failed') {
        this.counts.ordersFailed++;
        this.failures.push({ ref: `order of ${records[index].ref}`, email: contact.email, reason: order.reason });
      }
      if (contact.duplicateOf !== undefined) return;
      this.counts.contacts++;
      if (contact.status === 'saved') saved++;
      else if (contact.status === 'skipped') this.skip(contact.reason);
      else this.fail({ ref: refs[index].join(', '), email: contact.email, reason: contact.reason });
    });
    if (dryRun) return;
    // The destination counts its inserts (Ecomail's bulk reply counts nothing else): the other saved contacts were already in the list.
    this.counts.created += result.inserted;
    if (this.mode === 'add-only') this.skip('already in the list (add-only)', saved - result.inserted);
    else this.counts.updated += saved - result.inserted;
  }

  result(): Pick<ImportResult, 'counts' | 'skippedReasons' | 'skippedOrderReasons' | 'failures'> {
    return { counts: this.counts, skippedReasons: this.skippedReasons, skippedOrderReasons: this.skippedOrderReasons, failures: this.failures };
  }
}

/** Auth failures and outages end the run; row-level refusals stay item failures. */
function throwIfRunEnding(error: unknown, destination: ImportOptions['destination']): void {
  if (destination.isAuthError(error)) throw new StopRun('auth', (error as Error).message);
  // Both destinations' API errors carry the HTTP status (0: no answer at all).
  const status = (error as { status?: unknown } | undefined)?.status;
  if (error instanceof Error && typeof status === 'number' && isOutage(status)) throw new StopRun('outage', error.message);
}

/** No answer, still rate-limited after the retries, or a server fault: the destination, not the rows. */
function isOutage(status: number | undefined): boolean {
  return status !== undefined && (status === 0 || status === 429 || status >= 500);
}
