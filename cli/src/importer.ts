import {
  EcomailApiError,
  importModeFlags,
  mergeContactRows,
  saveContacts,
  validateSubscriber,
  type EcomailClient,
  type SaveContactsOptions,
  type SaveOutcome,
  type SaveResult,
  type ImportMode,
  type SubscriberData,
  type TransactionInput,
} from '@ecomail-bridge/shared/node';
import type { Checkpoint } from './checkpoint';
import { addCounters, emptyCounters, type Counters } from './counters';
import type { ImportSource, SourceRecord } from './import-source';
import type { Pacer } from './pacer';
import type { Progress } from './progress';

export interface ImportOptions {
  listId: string;
  mode: ImportMode;
  /** Absent in a dry run: nothing is sent. */
  client?: EcomailClient;
  /** Start "subscribed to list" automations for imported contacts (off for history by default). */
  triggerAutomations: boolean;
  /** Join each contact's current tags before writing (Ecomail replaces the set): one read per contact. */
  keepExistingTags: boolean;
  /** Most distinct contacts this run hands to Ecomail. */
  max?: number;
  /** Contacts per bulk call; pacing makes batches smaller so the flow stays even. */
  batchSize: number;
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

export type StopReason = 'end' | 'max' | 'signal' | 'auth' | 'outage';

export interface ImportResult {
  counts: Counters;
  totals: Counters;
  skippedReasons: Record<string, number>;
  failures: ItemIssue[];
  stoppedBy: StopReason;
  /** What stopped an auth or outage run, in the user's words. */
  message?: string;
}

/** One contact of a batch and the records folded into it. */
interface Entry {
  subscriber: SubscriberData;
  refs: string[];
  orders: TransactionInput[];
  at: number;
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

const UPDATE_CONCURRENCY = 4;

/**
 * Pulls records, folds duplicates of one e-mail within a batch, sends each batch in the chosen
 * import mode, then commits the checkpoint. A batch that did not reach Ecomail is never committed:
 * an interrupted run (even SIGKILL) resumes with it, and a confirmed one is never sent again.
 */
export async function runImport(source: ImportSource, options: ImportOptions): Promise<ImportResult> {
  const tally = new Tally();
  const flags = importModeFlags(options.mode);
  const totals = () => addCounters(options.checkpoint.previousTotals, tally.counts);
  const commit = async () => {
    if (options.client) await options.checkpoint.commit(source.position(), totals());
  };
  const finish = async (stoppedBy: StopReason, message?: string): Promise<ImportResult> => {
    if (stoppedBy !== 'end') await source.stop();
    // The stop may have moved the source's cursor (it saves on stop): keep that in the file too.
    for (const [reason, n] of Object.entries(source.skips())) tally.skip(reason, n);
    if (stoppedBy !== 'auth' && stoppedBy !== 'outage') await commit();
    return { ...tally.result(), totals: totals(), stoppedBy, message };
  };

  options.progress.start(source.total);
  try {
    for (;;) {
      const room = Math.min(options.batchSize, (options.max ?? Infinity) - tally.counts.contacts);
      if (room <= 0) return await finish('max');
      const { batch, ended } = await collectBatch(source, room, options.stopRequested, tally);
      if (batch.size > 0) {
        const entries = [...batch.values()];
        if (!options.client) dryRun(entries, tally);
        else if (flags.requiresExistingContact) await updateMembers(options.client, options.listId, entries, options.keepExistingTags, tally);
        else await upsertBatch(options.client, options.listId, entries, options, flags.updateExisting, tally);
        tally.counts.contacts += entries.length;
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

/** Counters and per-item issues of one run. */
class Tally {
  readonly counts = emptyCounters();
  private readonly skippedReasons: Record<string, number> = {};
  private readonly failures: ItemIssue[] = [];

  skip(reason: string, n = 1): void {
    if (n <= 0) return;
    this.counts.skipped += n;
    this.skippedReasons[reason] = (this.skippedReasons[reason] ?? 0) + n;
  }

  fail(issue: ItemIssue): void {
    this.counts.failed++;
    this.failures.push(issue);
  }

  failOrders(orders: TransactionInput[], reason: string): void {
    this.counts.ordersFailed += orders.length;
    for (const { transaction } of orders) this.failures.push({ ref: `order ${transaction.order_id}`, email: transaction.email, reason });
  }

  result(): Pick<ImportResult, 'counts' | 'skippedReasons' | 'failures'> {
    return { counts: this.counts, skippedReasons: this.skippedReasons, failures: this.failures };
  }
}

/** Fills one batch with up to `room` distinct e-mails; `ended` when the source ran dry or a stop was asked for. */
async function collectBatch(
  source: ImportSource,
  room: number,
  stopRequested: () => boolean,
  tally: Tally,
): Promise<{ batch: Map<string, Entry>; ended: boolean }> {
  const batch = new Map<string, Entry>();
  while (batch.size < room) {
    if (stopRequested()) return { batch, ended: true };
    const record = await source.next();
    if (!record) return { batch, ended: true };
    tally.counts.read++;
    if (!record.subscriber) {
      tally.fail({ ref: record.ref, reason: record.problem ?? 'no contact data' });
      continue;
    }
    addToBatch(batch, record, record.subscriber, tally.counts);
  }
  return { batch, ended: false };
}

function addToBatch(batch: Map<string, Entry>, record: SourceRecord, subscriber: SubscriberData, counts: Counters): void {
  const at = record.at ?? Number.NEGATIVE_INFINITY;
  const orders = record.order ? [record.order] : [];
  const existing = batch.get(subscriber.email);
  if (!existing) {
    batch.set(subscriber.email, { subscriber, refs: [record.ref], orders, at });
    return;
  }
  counts.merged++;
  const newer = at >= existing.at;
  existing.subscriber = newer ? mergeContactRows(existing.subscriber, subscriber) : mergeContactRows(subscriber, existing.subscriber);
  existing.at = Math.max(existing.at, at);
  existing.refs.push(record.ref);
  existing.orders.push(...orders);
}

function dryRun(entries: Entry[], tally: Tally): void {
  for (const entry of entries) {
    const problem = validateSubscriber(entry.subscriber);
    if (problem) tally.fail({ ref: entry.refs.join(', '), email: entry.subscriber.email, reason: problem });
  }
}

async function upsertBatch(
  client: EcomailClient,
  listId: string,
  entries: Entry[],
  options: ImportOptions,
  updateExisting: boolean,
  tally: Tally,
): Promise<void> {
  const result = await save(client, listId, entries, {
    mode: updateExisting ? 'add-and-update' : 'add-only',
    subscribe: { triggerAutomations: options.triggerAutomations },
    tagHandling: options.keepExistingTags ? 'add' : 'replace',
  });
  const sent = result.outcomes.filter((outcome) => outcome.status === 'saved').length;
  tally.counts.created += result.inserted;
  if (updateExisting) tally.counts.updated += sent - result.inserted;
  else tally.skip('already in the list (add-only)', sent - result.inserted);
  record(entries, result.outcomes, tally);
  await sendOrders(client, ordersOfSaved(entries, result.outcomes), tally);
}

/** update-only through the core: members get the new data, other e-mails are skipped. */
async function updateMembers(client: EcomailClient, listId: string, entries: Entry[], keepExistingTags: boolean, tally: Tally): Promise<void> {
  const result = await save(client, listId, entries, { mode: 'update-only', tagHandling: keepExistingTags ? 'add' : 'replace', concurrency: UPDATE_CONCURRENCY });
  tally.counts.updated += result.outcomes.filter((outcome) => outcome.status === 'saved').length;
  record(entries, result.outcomes, tally);
  await sendOrders(client, ordersOfSaved(entries, result.outcomes), tally);
}

/** The core applies the import mode; an outage or a refused key ends the run so resume resends the batch. */
async function save(client: EcomailClient, listId: string, entries: Entry[], options: SaveContactsOptions): Promise<SaveResult> {
  let result: SaveResult;
  try {
    result = await saveContacts(
      client,
      listId,
      entries.map((entry) => entry.subscriber),
      options,
    );
  } catch (error) {
    throwIfRunEnding(error);
    throw error;
  }
  for (const outcome of result.outcomes) {
    if (outcome.status === 'failed' && isOutage(outcome.httpStatus)) {
      throw new StopRun('outage', `Ecomail did not take the batch: ${outcome.reason}`);
    }
  }
  return result;
}

function record(entries: Entry[], outcomes: SaveOutcome[], tally: Tally): void {
  outcomes.forEach((outcome, index) => {
    const entry = entries[index];
    if (outcome.status === 'skipped') tally.skip(outcome.reason);
    else if (outcome.status !== 'saved') tally.fail({ ref: entry.refs.join(', '), email: outcome.email, reason: outcome.reason });
  });
}

function ordersOfSaved(entries: Entry[], outcomes: SaveOutcome[]): TransactionInput[] {
  return outcomes.flatMap((outcome, index) => (outcome.status === 'saved' ? entries[index].orders : []));
}

async function sendOrders(client: EcomailClient, orders: TransactionInput[], tally: Tally): Promise<void> {
  if (orders.length === 0) return;
  try {
    await client.createTransactions(orders);
    tally.counts.ordersSent += orders.length;
  } catch (error) {
    throwIfRunEnding(error);
    tally.failOrders(orders, (error as Error).message);
  }
}

/** Auth failures and outages end the run; row-level refusals stay item failures. */
function throwIfRunEnding(error: unknown): void {
  if (!(error instanceof EcomailApiError)) return;
  if (error.isAuthError) throw new StopRun('auth', error.message);
  if (isOutage(error.status)) throw new StopRun('outage', error.message);
}

/** No answer, still rate-limited after the retries, or a server fault: Ecomail, not the rows. */
function isOutage(status: number | undefined): boolean {
  return status !== undefined && (status === 0 || status === 429 || status >= 500);
}
