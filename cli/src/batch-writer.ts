import {
  previewSaveContacts,
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

/** A dry run's answer for contact rows: the core's preview of `saveContacts`, nothing sent. */
export function previewRows(rows: readonly SubscriberData[]): BatchResult {
  return { outcomes: previewSaveContacts(rows).map((contact) => ({ contact })), inserted: 0 };
}
