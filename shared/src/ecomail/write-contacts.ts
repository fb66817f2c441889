import { ContactDirectory } from '../jobs/contact-directory';
import { eachConcurrently } from '../jobs/concurrency';
import { needsSingleCalls } from '../jobs/subscribe-choices';
import type { ContactWrite, ContactWritePlan, ContactWriteResult, SaveOutcome } from '../destinations/port';
import { BULK_SUBSCRIBE_LIMIT } from './bulk-upsert';
import type { EcomailClient } from './client';
import { EcomailApiError, EcomailValidationError } from './errors';
import { runExclusive } from './keyed-lock';
import type { BulkItemOutcome, SubscriberData } from './types';
import { mergeTags, validateSubscriber } from './validation';

export const NOT_IN_LIST_REASON = 'not in the list (import mode: only update existing)';

type Outcome = SaveOutcome;
type Row = ContactWrite;

interface Plan extends ContactWritePlan {
  client: EcomailClient;
  directory: ContactDirectory;
}

/**
 * How the Ecomail destination writes the rows a job hands it (docs/pipeline.md §4, docs/ecomail-api.md §3):
 * update-only through the member check and update calls; one subscribe call per contact for a single
 * row and for what bulk cannot do (confirmation e-mails, notifications); otherwise bulk, reading
 * only the contacts that already exist when their tags must be kept.
 */
export function writeEcomailContacts(
  client: EcomailClient,
  directory: ContactDirectory,
  plan: ContactWritePlan,
  rows: readonly ContactWrite[],
): Promise<ContactWriteResult> {
  const full: Plan = { ...plan, client, directory };
  // The bulk path merges existing tags into its rows; the job's rows stay as they were given.
  const own = rows.map((row) => ({ ...row }));
  if (plan.flags.requiresExistingContact) return updateMembers(full, own);
  if (own.length === 1 || needsSingleCalls(plan.choices)) return subscribeEach(full, own);
  return subscribeInBulk(full, own);
}

function hasTags(data: SubscriberData): boolean {
  return Array.isArray(data.tags) && data.tags.length > 0;
}

function emailOf(row: Row): string {
  return typeof row.data?.email === 'string' ? row.data.email : '';
}

/** update-only: members get the new data, other e-mails are skipped; nothing is ever subscribed. */
async function updateMembers(plan: Plan, rows: Row[]): Promise<{ outcomes: Outcome[]; inserted: number }> {
  const outcomes = await eachRow(plan, rows, async ({ data }) => {
    const member = await plan.client.getListContact(plan.target, data.email);
    if (!member) return { status: 'skipped', email: data.email, reason: NOT_IN_LIST_REASON };
    const { email, ...update } = data;
    if (plan.keepTags && update.tags && Array.isArray(member.tags)) update.tags = mergeTags(member.tags, update.tags);
    return { status: 'saved', email, response: await plan.client.updateContact(plan.target, email, update), alreadySubscribed: true };
  });
  return { outcomes, inserted: 0 };
}

/** One subscribe call per contact: for a single row, and for what bulk cannot do. */
async function subscribeEach(plan: Plan, rows: Row[]): Promise<{ outcomes: Outcome[]; inserted: number }> {
  const outcomes = await eachRow(plan, rows, async ({ data, resubscribe }) => {
    const write = { ...data };
    // Read-merge-write must not interleave with another write of the same contact in this process.
    return runExclusive(`save\u0000${write.email}`, async () => {
      if (plan.keepTags && plan.flags.updateExisting && hasTags(write)) {
        const existing = await plan.client.getContact(write.email);
        if (existing?.tags.length) write.tags = mergeTags(existing.tags, write.tags ?? []);
      }
      const response = await plan.client.upsertContact(plan.target, write, {
        updateExisting: plan.flags.updateExisting,
        resubscribe,
        skipConfirmation: !plan.choices.doubleOptIn,
        triggerAutoresponders: plan.choices.triggerAutomations,
        triggerNotification: plan.choices.triggerNotification,
      });
      const outcome: Outcome = { status: 'saved', email: write.email, response, alreadySubscribed: response?.already_subscribed === true };
      return outcome;
    });
  });
  return { outcomes, inserted: outcomes.filter((outcome) => outcome.status === 'saved' && outcome.alreadySubscribed === false).length };
}

/**
 * Bulk (docs/pipeline.md §4). With tag keeping, only contacts that already exist are read and
 * written with their tags merged; rows that look new go with `update_existing: false`, which can
 * never touch an existing contact. If Ecomail inserted fewer of those than sent, some existed after
 * all (created meanwhile): that chunk is read and written again with tags merged.
 */
async function subscribeInBulk(plan: Plan, rows: Row[]): Promise<{ outcomes: Outcome[]; inserted: number }> {
  const outcomes: Outcome[] = new Array(rows.length);
  const valid: number[] = [];
  rows.forEach((row, index) => {
    const reason = validateSubscriber(row.data);
    if (reason) outcomes[index] = { status: 'rejected', email: emailOf(row), reason };
    else valid.push(index);
  });

  let update: number[] = [];
  let create: number[] = [];
  if (!plan.flags.updateExisting) create = valid;
  else if (!plan.keepTags) update = valid;
  else {
    const tagged = valid.filter((index) => hasTags(rows[index].data));
    const existing = await plan.directory.existingTags(tagged.map((index) => rows[index].data.email));
    for (const index of valid) {
      const row = rows[index];
      const failure = existing.failed.get(row.data.email);
      const tags = existing.tags.get(row.data.email);
      if (failure !== undefined) outcomes[index] = failedOutcome(row.data.email, failure, 'its current tags could not be read');
      else if (!hasTags(row.data)) update.push(index);
      else if (tags) {
        row.data = { ...row.data, tags: mergeTags(tags, row.data.tags ?? []) };
        update.push(index);
      } else create.push(index);
    }
  }

  let inserted = 0;
  const send = async (indexes: number[], updateExisting: boolean, guardNew: boolean): Promise<void> => {
    for (const resubscribe of [false, true]) {
      const group = indexes.filter((index) => rows[index].resubscribe === resubscribe);
      for (let start = 0; start < group.length; start += BULK_SUBSCRIBE_LIMIT) {
        const chunk = group.slice(start, start + BULK_SUBSCRIBE_LIMIT);
        const result = await plan.client.upsertContacts(
          plan.target,
          chunk.map((index) => rows[index].data),
          { updateExisting, resubscribe, triggerAutoresponders: plan.choices.triggerAutomations },
        );
        inserted += result.inserted;
        result.outcomes.forEach((outcome, i) => (outcomes[chunk[i]] = fromBulk(outcome)));
        const sent = chunk.filter((index) => outcomes[index].status === 'saved');
        if (guardNew && plan.keepTags && result.inserted < sent.length) await rewriteWithTags(plan, rows, sent, outcomes, resubscribe);
      }
    }
  };
  await send(update, true, false);
  const insertedBefore = inserted;
  await send(create, false, plan.flags.updateExisting);
  const saved = valid.filter((index) => outcomes[index].status === 'saved');
  plan.directory.noteExisting(saved.map((index) => rows[index].data.email));
  // Automations may tag the contacts they start for, so their tags are read again next time.
  if (plan.keepTags && !plan.choices.triggerAutomations) {
    const allCreated = inserted - insertedBefore === create.filter((index) => outcomes[index].status === 'saved').length;
    for (const index of saved) {
      const { email, tags } = rows[index].data;
      const ours = plan.directory.isCreatedByThisRun(email) || (allCreated && create.includes(index));
      if (ours && Array.isArray(tags)) plan.directory.rememberCreated(email, tags);
    }
  }
  return { outcomes, inserted };
}

/** Rows sent as new of which some existed: read them all and write them again with tags merged. */
async function rewriteWithTags(plan: Plan, rows: Row[], indexes: number[], outcomes: Outcome[], resubscribe: boolean): Promise<void> {
  const existing = await plan.directory.readTags(indexes.map((index) => rows[index].data.email));
  const again: number[] = [];
  for (const index of indexes) {
    const row = rows[index];
    const failure = existing.failed.get(row.data.email);
    const tags = existing.tags.get(row.data.email);
    if (failure !== undefined) {
      outcomes[index] = failedOutcome(row.data.email, failure, 'its current tags could not be read');
      continue;
    }
    // Which of them existed before is unknowable now; writing all of them again costs one call.
    if (tags) row.data = { ...row.data, tags: mergeTags(tags, row.data.tags ?? []) };
    again.push(index);
  }
  if (again.length === 0) return;
  const result = await plan.client.upsertContacts(
    plan.target,
    again.map((index) => rows[index].data),
    { updateExisting: true, resubscribe, triggerAutoresponders: plan.choices.triggerAutomations },
  );
  result.outcomes.forEach((outcome, i) => (outcomes[again[i]] = fromBulk(outcome)));
}

async function eachRow(plan: Plan, rows: Row[], save: (row: Row) => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(rows.length);
  await eachConcurrently(rows, plan.concurrency, async (row, index) => {
    try {
      outcomes[index] = await save(row);
    } catch (error) {
      if (error instanceof EcomailApiError && error.isAuthError) throw error;
      outcomes[index] =
        error instanceof EcomailValidationError
          ? { status: 'rejected', email: emailOf(row), reason: error.message }
          : failedOutcome(emailOf(row), error);
    }
  });
  return outcomes;
}

function failedOutcome(email: string, error: unknown, context?: string): Outcome {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'failed',
    email,
    reason: context ? `${context}: ${message}` : message,
    error,
    httpStatus: error instanceof EcomailApiError ? error.status : undefined,
  };
}

function fromBulk(outcome: BulkItemOutcome): Outcome {
  if (outcome.status === 'sent') return { status: 'saved', email: outcome.email };
  if (outcome.status === 'rejected') return { status: 'rejected', email: outcome.email, reason: outcome.reason };
  return { status: 'failed', email: outcome.email, reason: outcome.reason, error: new Error(outcome.reason), httpStatus: outcome.httpStatus };
}
