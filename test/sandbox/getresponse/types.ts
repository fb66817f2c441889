/** Public option and state types of the GetResponse sandbox (tests and the reliability suite code against these). */
import type { FaultConfig, SandboxCall as EcomailSandboxCall } from '../ecomail/types';

export type { FaultConfig };

/** docs/getresponse.md §6: a fixed window per API key, a per-second burst and a cap on parallel requests. */
export interface GetResponseRateLimit {
  /** Calls per window; real: 30,000. */
  requests: number;
  /** Real: 10 minutes. */
  windowMs: number;
  /** Calls per second; real: 80. */
  burst: number;
  /** Requests of one key in flight at once; real: 10. */
  maxConcurrent: number;
}

export interface ImportConfig {
  /** How long an import takes from upload to `finished`. */
  delayMs: number;
  /** Every import ends `rejected` (the list-quality review said no). */
  reject: boolean;
  /** Imports per 24 h per account; real: 20. */
  dailyLimit: number;
  /** A finished import first shows empty statistics on this many reads (docs/getresponse.md §4). */
  incompleteStatisticsPolls: number;
}

export interface SandboxCampaignOption {
  campaignId?: string;
  name: string;
}

export interface SandboxCustomFieldOption {
  name: string;
  type: string;
  format?: string;
  values?: string[];
}

export interface GetResponseSandboxOptions {
  /** Default 0 = a random free port. */
  port?: number;
  /** Accepted keys of `X-Auth-Token: api-key <key>`; default ['sandbox-gr-key']. */
  apiKeys?: string[];
  /** When set, the sandbox is a MAX (Enterprise) account: every call must carry `X-Domain` with this value. */
  enterpriseDomain?: string;
  /** Default: "goout_buyers" (A1b2C) and "newsletter" (D3e4F). */
  campaigns?: SandboxCampaignOption[];
  /** Default: the predefined fields city, company, street, postal_code, country, phone, birthdate. */
  customFields?: SandboxCustomFieldOption[];
  rateLimit?: Partial<GetResponseRateLimit>;
  /** How long a created contact (202) stays queued, invisible to searches; default 1,000 ms. */
  createDelayMs?: number;
  imports?: Partial<ImportConfig>;
  /** `X-RateLimit-Reset` of injected throttles, in seconds; default 1. */
  throttleResetSeconds?: number;
  faults?: Partial<FaultConfig>;
  /** Clock of windows, queues, imports and the call log; default Date.now. */
  now?: () => number;
}

/** One request as received; `status` 0 means the socket was destroyed (reset fault). */
export interface SandboxCall extends EcomailSandboxCall {
  /** The `X-Domain` header as received. */
  domain?: string;
}

/** A contact as the inspection routes show it: names instead of ids. */
export interface SandboxContactView {
  contactId: string;
  email: string;
  campaignId: string;
  name: string | null;
  /** Tag names, in the order they were attached. */
  tags: string[];
  /** Custom-field name → values. */
  fields: Record<string, string[]>;
  dayOfCycle: string | null;
  origin: 'api' | 'import' | 'other-writer';
  /** Still queued after a 202: searches do not show it yet. */
  queued: boolean;
}

export interface SandboxImportView {
  importId: string;
  campaignId: string;
  state: string;
  fieldMapping: string[];
  rows: number;
  statistics: { uploaded: number; invalid: number; updated: number; addedToList: number };
}

export interface GetResponseSandboxState {
  contacts(): SandboxContactView[];
  /** The contact of this e-mail in the campaign (default: the first campaign). */
  contact(email: string, campaignId?: string): SandboxContactView | undefined;
  calls(): SandboxCall[];
  tags(): Array<{ tagId: string; name: string }>;
  customFields(): Array<{ customFieldId: string; name: string; type: string; values: string[] }>;
  imports(): SandboxImportView[];
  /** Back to the seeded account: contacts, tags, created fields, imports, calls and rate windows go. */
  reset(): void;
  /** Ends every queue delay and finishes every due-or-not import now. */
  flush(): void;
}

export interface GetResponseSandbox {
  /** 'http://127.0.0.1:PORT': inspection lives under /__sandbox. */
  url: string;
  /** The API base URL, 'http://127.0.0.1:PORT/v3' (what GETRESPONSE_BASE_URL takes). */
  apiUrl: string;
  apiKey: string;
  /** Campaign ids in seed order. */
  campaignIds: string[];
  state: GetResponseSandboxState;
  setFaults(faults: Partial<FaultConfig>): void;
  setRateLimit(rateLimit: Partial<GetResponseRateLimit>): void;
  setCreateDelay(ms: number): void;
  setImportConfig(config: Partial<ImportConfig>): void;
  /** The next create of this e-mail in the campaign loses a race: another writer adds it first, the create gets 409. */
  loseRaceFor(email: string, campaignId?: string): void;
  close(): Promise<void>;
}
