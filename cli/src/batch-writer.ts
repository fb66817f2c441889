import {
  previewSaveContacts,
  type Destination,
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
  /** Contacts the destination counted as new. */
  inserted: number;
}

/** Hands one batch of items to a core job, or (dry run) says what the job would be given. */
export interface BatchWriter<T> {
  write(items: readonly T[]): Promise<BatchResult>;
  preview(items: readonly T[]): BatchResult;
}

/** A dry run's answer for contact rows: the core's preview of `saveContacts` with the destination's refusals, nothing sent. */
export function previewRows(rows: readonly SubscriberData[], validator: Pick<Destination, 'validate'>): BatchResult {
  return { outcomes: previewSaveContacts(rows, validator).map((contact) => ({ contact })), inserted: 0 };
}
