/** Public option and state types of the Ecomail sandbox (others code against these names). */

export interface FaultConfig {
  /** Fraction (0..1) of API requests answered 500/502/503 before any processing. */
  errorRate: number;
  /** Delay added to every API request, in milliseconds. */
  latencyMs: number;
  /** Fraction (0..1) of API requests whose socket is destroyed before any processing. */
  resetRate: number;
  /** Fraction (0..1) of API requests answered 429 + Retry-After regardless of the real limit. */
  throttleRate: number;
  /** Seed of the PRNG that draws the faults; setting it restarts the sequence. */
  seed?: number;
}

export interface RateLimitConfig {
  requests: number;
  windowMs: number;
}

export interface CustomFieldDefinition {
  type: string;
  name: string;
}

export interface SandboxListOption {
  id?: number;
  name: string;
  customFields?: Record<string, CustomFieldDefinition>;
  doubleOptin?: boolean;
}

export interface EcomailSandboxOptions {
  /** Default 0 = a random free port. */
  port?: number;
  /** Accepted values of the `key` header; default ['sandbox-key']. */
  apiKeys?: string[];
  /** Per API key; default 1000 requests / 60000 ms like the real API. */
  rateLimit?: RateLimitConfig;
  /** Overrides the Retry-After value sent with every 429 (tests use small values). */
  retryAfterSeconds?: number;
  /** Default: list 1 "Newsletter" with a few ellity_* and goout_* custom fields. */
  lists?: SandboxListOption[];
  /** Receiver of the list status webhook (docs/ecomail-api.md §9.1), fired for single subscribes and simulated unsubscribes. */
  listWebhookUrl?: string;
  faults?: Partial<FaultConfig>;
  /** Clock of the rate limit, the call log and the times handlers store; tests pass a fake one instead of waiting. Default Date.now. */
  now?: () => number;
}

/** One request as received; `status` 0 means the socket was destroyed (reset fault). */
export interface SandboxCall {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON, the raw text when it was not JSON, undefined when empty. */
  body: unknown;
  status: number;
  /** Epoch milliseconds of arrival. */
  at: number;
}

/** Membership of a contact in one list, as `GET /subscribers/{email}` shows it. */
export interface SandboxMembership {
  list_id: number;
  status: number;
  subscribed_at: string | null;
  unsubscribed_at: string | null;
  c_fields: Record<string, unknown>;
  groups: Record<string, string[]>;
  source: string | null;
}

/** A contact across all lists, as `GET /subscribers/{email}` shows it. */
export interface SandboxContact {
  id: number;
  email: string;
  name: string | null;
  surname: string | null;
  gender: string | null;
  company: string | null;
  city: string | null;
  street: string | null;
  zip: string | null;
  country: string | null;
  phone: string | null;
  pretitle: string | null;
  surtitle: string | null;
  birthday: string | null;
  nameday: string | null;
  source: string | null;
  vokativ: string | null;
  vokativ_s: string | null;
  tags: string[];
  inserted_at: string;
  bounce_soft: number;
  bounced_hard: number;
  bounce_message: string | null;
  lists: Record<string, SandboxMembership>;
}

export interface SandboxEvent {
  id: number;
  email: string;
  category: string | null;
  action: string | null;
  label: string | null;
  property: string | null;
  /** Always a string (objects are JSON-encoded) or null. */
  value: string | null;
  at: number;
}

export interface SandboxTransactionItem {
  code?: string;
  title?: string;
  categories?: string[];
  category?: string;
  price?: number;
  amount?: number;
  tags?: string[];
  [key: string]: unknown;
}

export interface SandboxTransaction {
  id: number;
  order_id: string;
  email: string;
  shop: string | null;
  amount: number | null;
  status: string | null;
  /** Unix seconds as sent (or arrival time when absent). */
  timestamp: number;
  /** The `transaction` object exactly as sent. */
  transaction: Record<string, unknown>;
  items: SandboxTransactionItem[];
  /** True when it came through transaction-bulk (which fires no automations). */
  bulk: boolean;
}

export interface SandboxPipelineTrigger {
  pipelineId: number;
  email: string;
  at: number;
}

export interface SandboxState {
  contacts(): SandboxContact[];
  contact(email: string): SandboxContact | undefined;
  calls(): SandboxCall[];
  events(): SandboxEvent[];
  transactions(): SandboxTransaction[];
  pipelineTriggers(): SandboxPipelineTrigger[];
  /** Clears contacts, calls, events, transactions, triggers and rate-limit windows; keeps lists. */
  reset(): void;
}

export interface EcomailSandbox {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  /** First accepted API key. */
  apiKey: string;
  close(): Promise<void>;
  setFaults(faults: Partial<FaultConfig>): void;
  setRateLimit(rateLimit: RateLimitConfig): void;
  state: SandboxState;
}
