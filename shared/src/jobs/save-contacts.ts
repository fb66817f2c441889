import { BULK_SUBSCRIBE_LIMIT } from '../ecomail/bulk-upsert';
import type { EcomailClient } from '../ecomail/client';
import { EcomailApiError, EcomailValidationError } from '../ecomail/errors';
import type { BulkItemOutcome, SubscriberData } from '../ecomail/types';
import { mergeTags, normalizeEmail, validateSubscriber } from '../ecomail/validation';
import { runExclusive } from '../ecomail/keyed-lock';
import { importModeFlags, type ImportMode, type ImportModeFlags } from '../mapping/import-mode';
import { eachConcurrently } from './concurrency';
import { ContactDirectory } from './contact-directory';
import { collapseByEmail } from './merge-contacts';
import {
  DEFAULT_TAG_HANDLING,
  needsSingleCalls,
  subscribeChoices,
  type SubscribeChoices,
  type TagHandling,
} from './subscribe-choices';

/** What happened to one input row, in input order. */
export type SaveOutcome = (
  | { status: 'saved'; email: string; response?: unknown; alreadySubscribed?: boolean }
  | { status: 'skipped'; email: string; reason: string }
  | { status: 'rejected'; email: string; reason: string }
  | { status: 'failed'; email: string; reason: string; error: unknown; httpStatus?: number }
) & {
  /** Set on a row whose e-mail appeared earlier in the batch: it was merged into that row and sent once. */
  duplicateOf?: number;
};

export interface SaveResult {
  /** One per input row, in input order. */
  outcomes: SaveOutcome[];
  /** Contacts that were not in the list before (Ecomail counts no updates in bulk). */
  inserted: number;
}

export interface SaveContactsOptions {
  /** Default `add-and-update`. */
  mode?: ImportMode;
  /** Default `add`: a contact keeps the tags it already has. */
  tagHandling?: TagHandling;
  subscribe?: SubscribeChoices;
  /**
   * Per input row: whether the person's own consent allows resubscribing them (GoOut: they ticked
   * the newsletter box in this purchase). Absent = allowed (the user vouches for typed contacts).
   * Resubscribing still needs `subscribe.resubscribe`.
   */
  resubscribeAllowed?: readonly boolean[];
  /** Shared across the batches of one run, so the account's contacts are listed at most once. */
  directory?: ContactDirectory;
  /** Parallel calls for the one-call-per-contact paths. */
  concurrency?: number;
}

export const NOT_IN_LIST_REASON = 'not in the list (import mode: only update existing)';

type Outcome = SaveOutcome;

interface Plan {
  client: EcomailClient;
  listId: number | string;
  flags: ImportModeFlags;
  keepTags: boolean;
  choices: Required<SubscribeChoices>;
  concurrency: number;
  directory: ContactDirectory;
}

/**
 * The one job that writes contacts into a list, for every shell (docs/pipeline.md §2–§4). It decides:
 * - the import mode: "only update existing" never subscribes anybody;
 * - the subscribe flags, from the user's choices and each row's consent;
 * - repeated e-mails in a batch: merged into one row (union of tags, last non-empty value per
 *   field) and sent once, while every input row still gets its own outcome;
 * - tag keeping: only contacts that already exist are read, the rest go in bulk with their tags;
 * - bulk or one call per contact (bulk cannot send confirmation e-mails or notifications).
 * Local refusals are `rejected`, Ecomail's are `failed` with its reason. A refused API key is
 * thrown instead: it would fail every row the same way.
 */
export async function saveContacts(
  client: EcomailClient,
  listId: number | string,
  rows: readonly SubscriberData[],
  options: SaveContactsOptions = {},
): Promise<SaveResult> {
  const plan: Plan = {
    client,
    listId,
    flags: importModeFlags(options.mode ?? 'add-and-update'),
    keepTags: (options.tagHandling ?? DEFAULT_TAG_HANDLING) === 'add',
    choices: subscribeChoices(options.subscribe),
    concurrency: Math.max(1, options.concurrency ?? 4),
    directory: options.directory ?? new ContactDirectory(client),
  };
  const collapsed = collapseByEmail(rows);
  const allowed = collapsed.rows.map(() => false);
  rows.forEach((_, index) => {
    // Consent in any of a person's rows in this batch counts, as it would over separate runs.
    if (options.resubscribeAllowed?.[index] ?? true) allowed[collapsed.rowOf[index]] = true;
  });
  const unique = collapsed.rows.map((data, index) => ({ data: cleanRow(data), resubscribe: plan.choices.resubscribe && allowed[index] }));

  let saved: { outcomes: Outcome[]; inserted: number };
  if (plan.flags.requiresExistingContact) saved = await updateMembers(plan, unique);
  else if (unique.length === 1 || needsSingleCalls(plan.choices)) saved = await subscribeEach(plan, unique);
  else saved = await subscribeInBulk(plan, unique);

  return { outcomes: perInputRow(collapsed, saved.outcomes), inserted: saved.inserted };
}

/**
 * A dry run of `saveContacts`: the same merge of repeated e-mails and the same local validation,
 * nothing sent — so a preview counts merged rows and refusals exactly as the real run would.
 */
export function previewSaveContacts(rows: readonly SubscriberData[]): SaveOutcome[] {
  const collapsed = collapseByEmail(rows);
  const outcomes = collapsed.rows.map((data): Outcome => {
    const row = cleanRow(data);
    const reason = validateSubscriber(row);
    return reason ? { status: 'rejected', email: emailOf({ data: row, resubscribe: false }), reason } : { status: 'saved', email: row.email };
  });
  return perInputRow(collapsed, outcomes);
}

/** Each input row gets the outcome of the row it was merged into; later copies say which one. */
function perInputRow(collapsed: ReturnType<typeof collapseByEmail>, outcomes: Outcome[]): Outcome[] {
  return collapsed.rowOf.map((at, index): Outcome => {
    const first = collapsed.firstOf[at];
    return first === index ? outcomes[at] : { ...outcomes[at], duplicateOf: first };
  });
}

interface Row {
  data: SubscriberData;
  resubscribe: boolean;
}

function cleanRow(data: SubscriberData): SubscriberData {
  const row = { ...data };
  if (typeof row.email === 'string') row.email = normalizeEmail(row.email);
  return row;
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
    const member = await plan.client.getListContact(plan.listId, data.email);
    if (!member) return { status: 'skipped', email: data.email, reason: NOT_IN_LIST_REASON };
    const { email, ...update } = data;
    if (plan.keepTags && update.tags && Array.isArray(member.tags)) update.tags = mergeTags(member.tags, update.tags);
    return { status: 'saved', email, response: await plan.client.updateContact(plan.listId, email, update), alreadySubscribed: true };
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
      const response = await plan.client.upsertContact(plan.listId, write, {
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
          plan.listId,
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
    plan.listId,
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
