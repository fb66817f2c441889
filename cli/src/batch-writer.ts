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
  /** Contacts the destination counted as new in the list. */
  inserted: number;
}

/** Where a writer sends: the run's destination (none in a dry run), its list or campaign, and the refusal rules a dry run applies. */
export interface WriteTarget {
  destination?: Destination;
  target: string;
  validator: Pick<Destination, 'validate'>;
}

/** The destination of a real run; a dry run never writes. */
export function sendingTo(to: WriteTarget): Destination {
  if (!to.destination) throw new Error('a dry run sends nothing');
  return to.destination;
}

/** Hands one batch of items to a core job, or (dry run) says what the job would be given. */
export interface BatchWriter<T> {
  write(items: readonly T[]): Promise<BatchResult>;
  preview(items: readonly T[]): BatchResult;
}

/** A dry run's answer for contact rows: the core's preview of `saveContacts` with the destination's rules, nothing sent. */
export function previewRows(rows: readonly SubscriberData[], validator: Pick<Destination, 'validate'>): BatchResult {
  return { outcomes: previewSaveContacts(rows, validator).map((contact) => ({ contact })), inserted: 0 };
}
