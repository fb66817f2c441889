/** Types after docs/ecomail-api.md. Field names are Ecomail's own. */

/** Subscriber status codes (§3.1). */
export const SubscriberStatus = {
  subscribed: 1,
  unsubscribed: 2,
  softBounce: 3,
  hardBounce: 4,
  complained: 5,
  unconfirmed: 6,
} as const;
export type SubscriberStatusCode = (typeof SubscriberStatus)[keyof typeof SubscriberStatus];

/** A typed custom-field value, e.g. `{ value: '2026-06-01', type: 'date' }`. */
export interface TypedCustomFieldValue {
  value: string | number;
  type: string;
}
export type CustomFieldValue = string | number | boolean | null | TypedCustomFieldValue;

/** `subscriber_data` of subscribe / subscribe-bulk / update-subscriber (§3.2). */
export interface SubscriberData {
  email: string;
  name?: string;
  surname?: string;
  gender?: 'male' | 'female';
  status?: SubscriberStatusCode;
  company?: string;
  city?: string;
  street?: string;
  zip?: string;
  country?: string;
  phone?: string;
  pretitle?: string;
  surtitle?: string;
  /** YYYY-MM-DD */
  birthday?: string;
  /** MM-DD */
  nameday?: string;
  source?: string;
  vokativ?: string;
  vokativ_s?: string;
  custom_fields?: Record<string, CustomFieldValue>;
  /** Replaces the contact's whole tag set: send only when meant. */
  tags?: string[];
  groups?: Record<string, string[]>;
}

/** Flags of `POST /lists/{id}/subscribe`. */
export interface UpsertOptions {
  /** Default true here (the client's "create or update"). */
  updateExisting?: boolean;
  resubscribe?: boolean;
  skipConfirmation?: boolean;
  triggerAutoresponders?: boolean;
  triggerNotification?: boolean;
}

/** Flags of `POST /lists/{id}/subscribe-bulk`. */
export interface BulkUpsertOptions {
  updateExisting?: boolean;
  resubscribe?: boolean;
  triggerAutoresponders?: boolean;
}

export interface EcomailList {
  id: number;
  name: string;
  from_name?: string | null;
  from_email?: string | null;
  reply_to?: string | null;
  double_optin?: boolean | null;
}

export interface CustomFieldDefinition {
  type: string;
  name: string;
}

export interface EcomailListDetail extends EcomailList {
  custom_fields: Record<string, CustomFieldDefinition>;
  groups: Record<string, { id: string; name: string; type?: string; category?: { id: string; name: string }[] }>;
  active_subscribers?: number;
  /** Members per status from the reply's `subscribers` block (docs/ecomail-api.md §2); `{}` when absent. */
  subscriberCounts: Record<string, number>;
}

/** Reply of `POST /lists/{id}/subscribe`. */
export interface SubscribeResponse {
  id: number;
  email: string;
  name?: string | null;
  surname?: string | null;
  already_subscribed?: boolean;
  inserted_at?: string;
  [key: string]: unknown;
}

/** A contact as member of one list (`GET /lists/{id}/subscriber/{email}`). */
export interface ListSubscriber {
  id?: number;
  email: string;
  name?: string | null;
  surname?: string | null;
  tags?: string[];
  list_id?: number;
  status?: number;
  subscribed_at?: string | null;
  custom_fields?: Record<string, unknown>;
  groups?: Record<string, string[]>;
  /** The nested contact of a member-listing row (docs/ecomail-api.md §2). */
  subscriber?: { email?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** A contact across all lists (`GET /subscribers/{email}`). */
export interface Contact {
  email: string;
  name?: string | null;
  surname?: string | null;
  gender?: string | null;
  country?: string | null;
  vokativ?: string | null;
  vokativ_s?: string | null;
  nameday?: string | null;
  source?: string | null;
  tags: string[];
  lists: Record<string, { status: number; subscribed_at?: string | null; c_fields?: Record<string, unknown>; source?: string | null }>;
  [key: string]: unknown;
}

/** Outcome of one contact of a bulk upsert; one per input, in input order. */
export type BulkItemOutcome =
  | { index: number; email: string; status: 'sent' }
  | { index: number; email: string; status: 'rejected'; reason: string }
  /** `httpStatus` is Ecomail's answer to the call that carried the row; 0 when none came. */
  | { index: number; email: string; status: 'failed'; reason: string; httpStatus?: number };

export interface BulkUpsertResult {
  outcomes: BulkItemOutcome[];
  /** Newly added contacts as Ecomail counted them (updates are not counted by the API). */
  inserted: number;
  sent: number;
  rejected: number;
  failed: number;
  /** HTTP calls made, retries included. */
  requests: number;
}

export interface TrackEventInput {
  email: string;
  category?: string;
  action?: string;
  label?: string;
  property?: string;
  /** String, or an object/array that Ecomail JSON-encodes; ≤ 20,000 characters encoded. */
  value?: unknown;
}

export interface TrackEventResponse {
  id?: number;
  email: string;
  category?: string | null;
  action?: string | null;
  label?: string | null;
  property?: string | null;
  value?: string | null;
}

export type TransactionStatus = 'processing' | 'canceled' | 'pending' | 'completed' | null;

export interface Transaction {
  order_id: string;
  email: string;
  shop?: string;
  /** Total incl. tax and shipping. */
  amount?: number;
  tax?: number;
  shipping?: number;
  city?: string;
  county?: string;
  country?: string;
  /** Unix seconds. */
  timestamp?: number;
  props?: string | Record<string, unknown>;
  status?: TransactionStatus;
}

export interface TransactionItem {
  code?: string;
  title?: string;
  categories?: string[];
  category?: string;
  /** Unit price (our rule, see mapping/goout-transaction.ts). */
  price?: number;
  /** Quantity. */
  amount?: number;
  tags?: string[];
}

export interface TransactionInput {
  transaction: Transaction;
  transaction_items: TransactionItem[];
}

/** Ecomail's list status webhook body (§9.1). */
export interface EcomailListWebhookBody {
  payload: { email: string; status: 'SUBSCRIBED' | 'UNSUBSCRIBED'; listId: number; campaignId: number | null };
}
