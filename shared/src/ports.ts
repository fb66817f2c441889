/**
 * The ports through which the core reaches the world. Every shell (n8n, Zapier, CLI, tests)
 * supplies its own implementation; nothing in the core opens a socket, starts a timer or reads
 * the environment by itself.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | ReadonlyArray<string | number>;

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL without the query string. */
  url: string;
  headers?: Record<string, string>;
  /** Array values are sent as repeated `key[]=` pairs (GoOut style). */
  query?: Record<string, QueryValue | undefined>;
  /** JSON body; sent on DELETE too (Ecomail's unsubscribe needs it). */
  body?: unknown;
  /** How long one attempt may take before the transport gives up. */
  timeoutMs?: number;
}

export interface HttpResponse<T = unknown> {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  body: T;
}

/**
 * Sends one request and resolves with whatever status came back (non-2xx included). It rejects
 * in one of two ways, and says which:
 * - no HTTP answer arrived at all (reset, refused, timeout): a plain rejection, which the retry
 *   policy treats as a network fault (backoff, then `NetworkFault`);
 * - an answer arrived and the transport's host has already said what it means (Zapier's
 *   `afterResponse` middleware turning a 429 into its own ThrottledError): the transport rejects
 *   with `finalAnswer(error)`, and the policy throws that error as it is, at once, unretried.
 * A transport that never marks anything keeps the first reading for every rejection.
 */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

// Symbol.for, not a module-local Symbol: a shell whose bundle holds a second copy of the core still
// marks errors the policy recognises.
const FINAL_ANSWER = Symbol.for('ecomail-bridge.transport.final-answer');

/** Marks `error` as a transport's final answer (see `HttpTransport`) and returns the same object. */
export function finalAnswer<E extends object>(error: E): E {
  Object.defineProperty(error, FINAL_ANSWER, { value: true });
  return error;
}

/** Whether a transport rejected with `finalAnswer(error)`: not a network fault. */
export function isFinalAnswer(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { [FINAL_ANSWER]?: unknown })[FINAL_ANSWER] === true;
}

/** Waits; n8n passes `sleep` from n8n-workflow, Node passes a timer. */
export type Sleep = (ms: number) => Promise<void>;

/** Milliseconds since the epoch; injectable so tests and benchmarks can scale time. */
export type Clock = () => number;

/**
 * Small persistent key/value store: GoOut cursors and seen ids, rotated tokens, checkpoints.
 * n8n keeps it in workflow static data, Zapier in the auth fields, the CLI in a file.
 */
export interface StateStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set<T = unknown>(key: string, value: T): Promise<void>;
}

/**
 * Keys of processed deliveries, shared by every process of the host, plus a lock that only one
 * caller can create at a time (n8n: its deduplication store in the database,
 * docs/n8n-platform.md §11.6). Writers of the key set overwrite each other; the core writes it only
 * while holding the lock.
 */
export interface ProcessedKeyStore {
  /** Records `keys`; resolves with those that were not recorded before. */
  record(keys: readonly string[]): Promise<string[]>;
  /** Forgets `keys`. */
  forget(keys: readonly string[]): Promise<void>;
  /** Creates the lock holding `tokens`; false when a lock exists or another caller created it first. */
  tryLock(tokens: readonly string[]): Promise<boolean>;
  /** How many tokens the current lock holds; 0 when there is none. Reads only. */
  lockSize(): Promise<number>;
  /** Removes the lock, whoever created it. */
  unlock(): Promise<void>;
}

/** Everything the core needs from its host, passed as one bundle. */
export interface Runtime {
  transport: HttpTransport;
  sleep: Sleep;
  now?: Clock;
}

export const systemClock: Clock = () => Date.now();

/** A StateStore held in memory: for tests and for one-shot runs that need no persistence. */
export function createMemoryStateStore(initial: Record<string, unknown> = {}): StateStore & {
  snapshot(): Record<string, unknown>;
} {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    async get<T>(key: string) {
      return data.get(key) as T | undefined;
    },
    async set<T>(key: string, value: T) {
      data.set(key, value);
    },
    snapshot() {
      return Object.fromEntries(data);
    },
  };
}
