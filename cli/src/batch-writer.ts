import {
  collapseByEmail,
  validateSubscriber,
  type OrderOutcome,
  type SaveOutcome,
  type SubscriberData,
} from '@ecomail-bridge/shared/node';

/** What the core's job did with one input item (a duplicate carries `contact.duplicateOf`). */
export interface ItemOutcome {
  contact: SaveOutcome;
  order?: OrderOutcome;
}

export interface BatchResult {
  /** One per item, in input order. */
  outcomes: ItemOutcome[];
  /** Contacts Ecomail counted as new in the list. */
  inserted: number;
}

/** Hands one batch of items to a core job, or (dry run) says what the job would be given. */
export interface BatchWriter<T> {
  write(items: readonly T[]): Promise<BatchResult>;
  preview(items: readonly T[]): BatchResult;
}

/**
 * A dry run's answer for contact rows: the core's own merge of repeated e-mails and its
 * validation, with nothing sent — so a dry run counts `merged` and refusals as the real run would.
 */
export function previewRows(rows: readonly SubscriberData[]): BatchResult {
  const collapsed = collapseByEmail(rows);
  const contacts = collapsed.rows.map((row): SaveOutcome => {
    const reason = validateSubscriber(row);
    return reason ? { status: 'rejected', email: row.email, reason } : { status: 'saved', email: row.email };
  });
  const outcomes = rows.map((_, index): ItemOutcome => {
    const at = collapsed.rowOf[index];
    const first = collapsed.firstOf[at];
    return { contact: first === index ? contacts[at] : { ...contacts[at], duplicateOf: first } };
  });
  return { outcomes, inserted: 0 };
}
