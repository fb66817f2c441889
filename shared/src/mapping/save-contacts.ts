import type { EcomailClient } from '../ecomail/client';
import { EcomailApiError, EcomailValidationError } from '../ecomail/errors';
import type { BulkItemOutcome, SubscriberData, UpsertOptions } from '../ecomail/types';
import { mergeTags, normalizeEmail } from '../ecomail/validation';
import { importModeFlags, type ImportMode } from './import-mode';

/** What happened to one contact; one per input row, in input order. */
export type SaveOutcome =
  | { status: 'saved'; email: string; response?: unknown; alreadySubscribed?: boolean }
  | { status: 'skipped'; email: string; reason: string }
  | { status: 'rejected'; email: string; reason: string }
  | { status: 'failed'; email: string; reason: string; error: unknown; httpStatus?: number };

export interface SaveResult {
  /** One per input row, in input order. */
  outcomes: SaveOutcome[];
  /** Contacts that were not in the list before (Ecomail counts no updates in bulk). */
  inserted: number;
}

export interface SaveContactsOptions {
  mode: ImportMode;
  /** Flags of subscribe; `updateExisting` comes from the mode. */
  upsert?: Omit<UpsertOptions, 'updateExisting'>;
  /** Join the tags a contact already has before writing (Ecomail replaces the set). Default true. */
  keepExistingTags?: boolean;
  /** Several rows go through subscribe-bulk (≤ 3,000 a call) instead of one call each. Default true. */
  bulk?: boolean;
  /** Parallel calls for the per-contact paths (update-only, single upserts). */
  concurrency?: number;
}

export const NOT_IN_LIST_REASON = 'not in the list (import mode: only update existing)';

/**
 * Writes contacts into one list under an import mode — the one place every shell (n8n node, Zapier
 * create, CLI backfill) applies "add and update" / "add only" / "only update existing":
 * - update-only never subscribes anybody: members are updated, other e-mails skipped;
 * - otherwise several rows go in bulk and a single row through subscribe, which also tells whether
 *   the contact was already there.
 * Local refusals are `rejected`, Ecomail's are `failed` with its reason. A refused API key is
 * thrown instead: it would fail every row the same way.
 */
export async function saveContacts(
  client: EcomailClient,
  listId: number | string,
  rows: readonly SubscriberData[],
  options: SaveContactsOptions,
): Promise<SaveResult> {
  const flags = importModeFlags(options.mode);
  const keepTags = options.keepExistingTags !== false;
  const concurrency = Math.max(1, options.concurrency ?? 4);

  if (flags.requiresExistingContact) {
    return counted(await eachRow(rows, concurrency, async (row) => {
      const member = await client.getListContact(listId, row.email);
      if (!member) return { status: 'skipped', email: normalizeEmail(row.email), reason: NOT_IN_LIST_REASON };
      const { email, ...data } = row;
      if (keepTags && data.tags && Array.isArray(member.tags)) data.tags = mergeTags(member.tags, data.tags);
      return { status: 'saved', email: normalizeEmail(email), response: await client.updateContact(listId, email, data), alreadySubscribed: true };
    }));
  }

  if (options.bulk !== false && rows.length > 1) {
    const result = await client.upsertContacts(listId, rows, {
      updateExisting: flags.updateExisting,
      resubscribe: options.upsert?.resubscribe,
      triggerAutoresponders: options.upsert?.triggerAutoresponders,
      preserveTags: keepTags,
    });
    return { outcomes: result.outcomes.map(fromBulk), inserted: result.inserted };
  }

  return counted(await eachRow(rows, concurrency, async (row) => {
    const data = { ...row };
    if (keepTags && data.tags?.length) {
      const existing = await client.getContact(data.email);
      if (existing?.tags.length) data.tags = mergeTags(existing.tags, data.tags);
    }
    const response = await client.upsertContact(listId, data, { ...options.upsert, updateExisting: flags.updateExisting });
    return { status: 'saved', email: normalizeEmail(row.email), response, alreadySubscribed: response?.already_subscribed === true };
  }));
}

function counted(outcomes: SaveOutcome[]): SaveResult {
  const inserted = outcomes.filter((outcome) => outcome.status === 'saved' && outcome.alreadySubscribed === false).length;
  return { outcomes, inserted };
}

async function eachRow(
  rows: readonly SubscriberData[],
  concurrency: number,
  save: (row: SubscriberData) => Promise<SaveOutcome>,
): Promise<SaveOutcome[]> {
  const outcomes: SaveOutcome[] = new Array(rows.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < rows.length) {
      const index = next++;
      const row = rows[index];
      const email = typeof row?.email === 'string' ? row.email.trim().toLowerCase() : '';
      try {
        outcomes[index] = await save(row);
      } catch (error) {
        if (error instanceof EcomailApiError && error.isAuthError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        outcomes[index] =
          error instanceof EcomailValidationError
            ? { status: 'rejected', email, reason }
            : { status: 'failed', email, reason, error, httpStatus: error instanceof EcomailApiError ? error.status : undefined };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
  return outcomes;
}

function fromBulk(outcome: BulkItemOutcome): SaveOutcome {
  if (outcome.status === 'sent') return { status: 'saved', email: outcome.email };
  if (outcome.status === 'rejected') return { status: 'rejected', email: outcome.email, reason: outcome.reason };
  return { status: 'failed', email: outcome.email, reason: outcome.reason, error: new Error(outcome.reason), httpStatus: outcome.httpStatus };
}
