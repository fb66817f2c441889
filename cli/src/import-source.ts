/** One record from a source (a GoOut purchase, an Ellity CSV row), as the core's job takes it. */
export interface SourceRecord<T> {
  /** How the report names it: a purchase id, "line 12". */
  ref: string;
  /** What the job is given, or null when the record cannot become anything (see `problem`). */
  item: T | null;
  /** Why a record without an item failed; reported per item. */
  problem?: string;
}

/**
 * What the importer pulls from. `position()` must describe a resume point covering every record
 * returned so far: the importer calls it only after all of them are confirmed by Ecomail.
 */
export interface ImportSource<T> {
  next(): Promise<SourceRecord<T> | undefined>;
  /** Ends reading early (--max, a signal) so the source can store its own cursor. */
  stop(): Promise<void>;
  position(): unknown;
  /** Records the source expects in all, when it knows (for the progress bar's ETA). */
  total?: number;
  /** Source-side counters for the report (records skipped before mapping, resumed ones). */
  stats(): Record<string, number>;
  /** Records the source dropped before the importer saw them, by reason (counted as skipped). */
  skips(): Record<string, number>;
  /**
   * Why the source ended early, if it did (a refused key, a used-up quota): the records before
   * it are still sent and committed, and the run reports this instead of "complete".
   */
  failure?(): { reason: 'auth' | 'source'; message: string } | undefined;
}
