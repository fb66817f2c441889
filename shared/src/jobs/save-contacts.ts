import type { ContactWrite, Destination, SaveOutcome } from '../destinations/port';
import { destinationOf, type DestinationInput } from '../destinations/resolve';
import type { SubscriberData } from '../ecomail/types';
import { normalizeEmail, validateSubscriber } from '../ecomail/validation';
import { importModeFlags, type ImportMode } from '../mapping/import-mode';
import type { ContactDirectory } from './contact-directory';
import { collapseByEmail } from './merge-contacts';
import { DEFAULT_TAG_HANDLING, subscribeChoices, type SubscribeChoices, type TagHandling } from './subscribe-choices';

export type { SaveOutcome };
export { NOT_IN_LIST_REASON } from '../ecomail/write-contacts';

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
   * Per input row: the person's own consent (GoOut: they ticked the newsletter box in this
   * purchase). Absent = given (the user vouches for typed contacts). Resubscribing still needs
   * `subscribe.resubscribe`.
   */
  resubscribeAllowed?: readonly boolean[];
  /** Ecomail: shared across the batches of one run, so the account's contacts are listed at most once. */
  directory?: ContactDirectory;
  /** Parallel calls for the one-call-per-contact paths. */
  concurrency?: number;
}

/**
 * The one job that writes contacts, for every shell and destination (docs/pipeline.md §2–§4, §11). It decides:
 * - the import mode: "only update existing" never subscribes anybody;
 * - the subscribe choices, and each row's consent and resubscribing;
 * - repeated e-mails in a batch: merged into one row (union of tags, last non-empty value per
 *   field) and sent once, while every input row still gets its own outcome.
 * The destination then writes the unique rows its own way (Ecomail: tag keeping at near-bulk cost,
 * bulk or one call per contact). Local refusals are `rejected`, the destination's are `failed`
 * with its reason. A refused credential is thrown instead: it would fail every row the same way.
 */
export async function saveContacts(
  to: DestinationInput,
  target: number | string,
  rows: readonly SubscriberData[],
  options: SaveContactsOptions = {},
): Promise<SaveResult> {
  const destination: Destination = destinationOf(to, options.directory);
  const choices = subscribeChoices(options.subscribe);
  const collapsed = collapseByEmail(rows);
  const consent = collapsed.rows.map(() => false);
  rows.forEach((_, index) => {
    // Consent in any of a person's rows in this batch counts, as it would over separate runs.
    if (options.resubscribeAllowed?.[index] ?? true) consent[collapsed.rowOf[index]] = true;
  });
  const unique = collapsed.rows.map(
    (data, index): ContactWrite => ({ data: cleanRow(data), consent: consent[index], resubscribe: choices.resubscribe && consent[index] }),
  );
  const saved = await destination.writeContacts(
    {
      target,
      flags: importModeFlags(options.mode ?? 'add-and-update'),
      keepTags: (options.tagHandling ?? DEFAULT_TAG_HANDLING) === 'add',
      choices,
      concurrency: Math.max(1, options.concurrency ?? 4),
    },
    unique,
  );
  return { outcomes: perInputRow(collapsed, saved.outcomes), inserted: saved.inserted };
}

/**
 * A dry run of `saveContacts`: the same merge of repeated e-mails and the same local validation,
 * nothing sent — so a preview counts merged rows and refusals exactly as the real run would.
 */
export function previewSaveContacts(rows: readonly SubscriberData[], destination?: Pick<Destination, 'validate'>): SaveOutcome[] {
  const validate = destination ? (row: SubscriberData) => destination.validate(row) : validateSubscriber;
  const collapsed = collapseByEmail(rows);
  const outcomes = collapsed.rows.map((data): SaveOutcome => {
    const row = cleanRow(data);
    const reason = validate(row);
    return reason ? { status: 'rejected', email: typeof row.email === 'string' ? row.email : '', reason } : { status: 'saved', email: row.email };
  });
  return perInputRow(collapsed, outcomes);
}

/** Each input row gets the outcome of the row it was merged into; later copies say which one. */
function perInputRow(collapsed: ReturnType<typeof collapseByEmail>, outcomes: SaveOutcome[]): SaveOutcome[] {
  return collapsed.rowOf.map((at, index): SaveOutcome => {
    const first = collapsed.firstOf[at];
    return first === index ? outcomes[at] : { ...outcomes[at], duplicateOf: first };
  });
}

function cleanRow(data: SubscriberData): SubscriberData {
  const row = { ...data };
  if (typeof row.email === 'string') row.email = normalizeEmail(row.email);
  return row;
}
