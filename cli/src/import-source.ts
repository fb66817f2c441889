import type { SubscriberData, TransactionInput } from '@ecomail-bridge/shared/node';

/** One record from a source (a GoOut purchase, an Ellity CSV row), already mapped. */
export interface SourceRecord {
  /** How the report names it: a purchase id, "row 12". */
  ref: string;
  /** The contact, or null when the record cannot become one (see `problem`). */
  subscriber: SubscriberData | null;
  /** Why a record without a contact failed; reported per item. */
  problem?: string;
  /** An order to create after the contact (GoOut with --orders). */
  order?: TransactionInput;
  /** Epoch ms of the record (purchase time); decides which duplicate is "the last". */
  at?: number;
}

/**
 * What the importer pulls from. `position()` must describe a resume point covering every record
 * returned so far: the importer calls it only after all of them are confirmed by Ecomail.
 */
export interface ImportSource {
  next(): Promise<SourceRecord | undefined>;
  /** Ends reading early (--max, a signal) so the source can store its own cursor. */
  stop(): Promise<void>;
  position(): unknown;
  /** Records the source expects in all, when it knows (for the progress bar's ETA). */
  total?: number;
  /** Source-side counters for the report (records skipped before mapping, resumed ones). */
  stats(): Record<string, number>;
  /** Records the source dropped before the importer saw them, by reason (counted as skipped). */
  skips(): Record<string, number>;
}
