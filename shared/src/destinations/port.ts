import type { SubscriberData, TrackEventInput, TransactionInput } from '../ecomail/types';
import type { SubscribeChoices } from '../jobs/subscribe-choices';
import type { ImportModeFlags } from '../mapping/import-mode';

/**
 * The destination port (docs/pipeline.md §11): what a marketing system must offer the jobs. The jobs
 * decide everything that is the same for every destination — import mode, consent, resubscribing,
 * merging repeated e-mails, mapping, the order of writes — and hand an adapter only unique, cleaned
 * rows. An adapter owns its API alone: auth, limits, paging, error shapes, batch sizes.
 */
export type DestinationName = 'ecomail' | 'getresponse' | 'salesmanago';

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

export type OrderOutcome =
  | { status: 'sent'; response?: unknown }
  | { status: 'failed'; reason: string; error: unknown }
  /** The destination keeps no orders (GetResponse, docs/getresponse.md §8): nothing was sent, nothing failed. */
  | { status: 'skipped'; reason: string };

/** One unique contact, as the job decided to write it. */
export interface ContactWrite {
  /** The contact in the core's shape (Ecomail's field names), e-mail normalised. */
  data: SubscriberData;
  /** The person's own marketing consent in this data; a destination never subscribes or opts in without it. */
  consent: boolean;
  /** Subscribe again if they unsubscribed: the user chose it and `consent` allows it. */
  resubscribe: boolean;
}

/** What a destination answers for a tracked event: its own id, when it gives one. */
export interface TrackedEvent {
  id?: number | string;
  /** Set when the destination keeps no events (GetResponse: the fields are the record, docs/getresponse.md §8). */
  skipped?: string;
}

export interface ContactWritePlan {
  /** Where contacts go: an Ecomail list, a GetResponse campaign; the adapter says what it takes. */
  target: string | number;
  flags: ImportModeFlags;
  /** Tag handling "add": a contact keeps the tags it has. */
  keepTags: boolean;
  choices: Required<SubscribeChoices>;
  /** Parallel calls where an adapter sends one call per contact. */
  concurrency: number;
}

export interface ContactWriteResult {
  /** One per row given, in that order. */
  outcomes: SaveOutcome[];
  /** Contacts that did not exist before, where the destination tells. */
  inserted: number;
}

export interface Destination {
  readonly name: DestinationName;
  /** Why a row would be refused before anything is sent, or undefined; dry runs use it. */
  validate(data: SubscriberData): string | undefined;
  /** Writes the rows; a refused credential is thrown, since it would fail every row the same way. */
  writeContacts(plan: ContactWritePlan, rows: readonly ContactWrite[]): Promise<ContactWriteResult>;
  /**
   * Orders of saved contacts, in the core's shape (status `canceled`: a cancellation of an earlier
   * order with the same `order_id`). One outcome per order, in order. `oneByOne` when automations
   * are on: the destination then sends them singly, in order, if that is what starts its order
   * automations.
   */
  writeOrders(orders: readonly TransactionInput[], oneByOne: boolean): Promise<OrderOutcome[]>;
  /** One event of a contact (an Ellity change). */
  trackEvent(event: TrackEventInput): Promise<TrackedEvent>;
  /** Whether an error means the credential was refused. */
  isAuthError(error: unknown): boolean;
}
