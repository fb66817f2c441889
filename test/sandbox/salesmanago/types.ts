/** Public option and state types of the SALESmanago sandbox (tests and the reliability suite code against these names). */

export interface SalesManagoFaults {
  /** Fraction (0..1) of API calls answered 500/502/503 before any processing. */
  errorRate: number;
  /** Fraction of API calls whose socket is destroyed before any processing. */
  resetRate: number;
  /** Fraction answered HTTP 429 — without Retry-After or any rate header, as SALESmanago publishes none. */
  throttleRate: number;
  /** Fraction answered HTTP 200 `{success: false, message: ["Too many requests"]}`: throttling said inside a 200. */
  busyRate: number;
  /** Fraction answered HTTP 200 `{success: false}` with a passing server problem (nothing applied). */
  failureRate: number;
  /** Delay before every API answer, in milliseconds. */
  latencyMs: number;
  /** Seed of the fault sequence; setting it restarts the sequence. */
  seed?: number;
}

export interface SalesManagoAccount {
  clientId: string;
  apiSecret: string;
  /** E-mail of the account's user that owns the contacts. */
  owner: string;
}

export interface SalesManagoSandboxOptions {
  /** Default 0 = a random free port. */
  port?: number;
  /** Default: client `sandbox-client`, secret `sandbox-secret`, owner `owner@sandbox.example`. */
  account?: Partial<SalesManagoAccount>;
  faults?: Partial<SalesManagoFaults>;
  /** A real limit per client id, answered 429 without headers when passed; default none (SALESmanago publishes none). */
  rateLimit?: { requests: number; windowMs: number };
  /** How far `requestTime` may be from the sandbox clock; default 10 minutes (the real check is unknown). */
  maxClockSkewMs?: number;
  /** Clock of `requestTime` checks and stored times; default Date.now. */
  now?: () => number;
}

/** A contact as the sandbox holds it. */
export interface SandboxContact {
  contactId: string;
  email: string;
  name: string | null;
  phone: string | null;
  company: string | null;
  externalId: string | null;
  address: Record<string, string>;
  birthday: string | null;
  tags: string[];
  properties: Record<string, string>;
  /** E-mail consent: never asked, opted in (forceOptIn) or opted out (forceOptOut, an unsubscribe). */
  emailConsent: 'none' | 'opted-in' | 'opted-out';
  createdAt: number;
  modifiedAt: number;
  /** Upserts that touched it (a create counts). */
  upserts: number;
}

export interface SandboxExtEvent {
  eventId: string;
  email: string;
  contactExtEventType: string;
  date: number;
  description: string | null;
  products: string | null;
  location: string | null;
  value: number | null;
  externalId: string | null;
  shopDomain: string | null;
  details: Record<string, string>;
  /** Later sends with this eventId that changed it. */
  updates: number;
}

/** One API call as received; `status` 0 = the socket was destroyed (reset fault). */
export interface SandboxCall {
  path: string;
  body: unknown;
  status: number;
  /** The reply's `success`; undefined for non-JSON answers. */
  success?: boolean;
  message?: string[];
  at: number;
}

export interface SalesManagoSandboxState {
  contacts(): SandboxContact[];
  contact(email: string): SandboxContact | undefined;
  events(): SandboxExtEvent[];
  calls(): SandboxCall[];
  /** Clears contacts, events, calls, blocked e-mails and rate windows; keeps the account and faults. */
  reset(): void;
}

export interface SalesManagoSandbox {
  /** 'http://127.0.0.1:PORT': the account's endpoint. */
  url: string;
  account: SalesManagoAccount;
  state: SalesManagoSandboxState;
  setFaults(faults: Partial<SalesManagoFaults>): void;
  /** Contacts SALESmanago will refuse from now on (the whole call that carries one fails). */
  block(emails: readonly string[]): void;
  /** A new API secret: every call signed with the old one is refused from now on. */
  rotateSecret(apiSecret: string): void;
  /** The contact unsubscribes (an e-mail link, the contact card). */
  optOut(email: string): void;
  close(): Promise<void>;
}
