import { sharedRateLimiter, type RateLimiter } from '../http/rate-limiter';
import { NetworkFault, sendWithPolicy, type RetryInfo, type RetryOptions } from '../http/retry-policy';
import { joinUrl } from '../http/url';
import { systemClock, type Clock, type HttpTransport, type Sleep } from '../ports';
import { normalizeEmail } from '../ecomail/validation';
import { normalizeSalesManagoEndpoint } from './endpoint';
import { SalesManagoApiError } from './errors';
import { salesManagoContactEvent } from './event';
import { isAuthMessage, readReply, type V2Reply } from './reply';
import { salesManagoSha, signedTransport, type SalesManagoCredentials } from './signed-transport';
import type { SalesManagoContactState, SalesManagoEventInput, SalesManagoUpsert } from './types';

/** Contacts per `batchupsertv2` call: the official plugin's package; the server's maximum is unknown (docs/salesmanago.md §5). */
export const SALESMANAGO_UPSERT_PACKAGE = 400;
/** Events per batch call [P] (docs/salesmanago.md §6). */
export const SALESMANAGO_EVENT_PACKAGE = 1000;
/** E-mails per `/api/contact/list` call [P] (docs/salesmanago.md §9). */
export const SALESMANAGO_LOOKUP_PACKAGE = 50;
/** Our starting pace [A]: no limits are published (docs/salesmanago.md §9). */
export const SALESMANAGO_REQUESTS_PER_SECOND = 2;

export interface SalesManagoClientOptions extends SalesManagoCredentials {
  /** The account's endpoint, e.g. `app3.salesmanago.com` (normalised, docs/salesmanago.md §1). */
  baseUrl: string;
  transport: HttpTransport;
  sleep: Sleep;
  now?: Clock;
  /** Default 2. Every client of the same account in this process shares the budget. */
  requestsPerSecond?: number;
  retry?: Partial<RetryOptions>;
  onRetry?: (info: RetryInfo) => void;
}

/**
 * Typed SALESmanago API v2 client (contacts and external events). Every call is a signed POST
 * through the one retry policy; a reply with `success: false` becomes a `SalesManagoApiError`
 * whose `kind` says whether the credentials, the items or the service failed.
 */
export class SalesManagoClient {
  readonly baseUrl: string;
  private readonly transport: HttpTransport;
  private readonly limiter: RateLimiter;
  private readonly now: Clock;
  /** Values masked in every message this client produces. */
  private readonly secrets: string[];
  private calls = 0;

  constructor(private readonly options: SalesManagoClientOptions) {
    if (!options.transport || !options.sleep) throw new TypeError('SalesManagoClient needs a transport and a sleep function');
    for (const key of ['clientId', 'apiKey', 'apiSecret', 'owner'] as const) {
      if (typeof options[key] !== 'string' || options[key].trim() === '') throw new TypeError(`the SALESmanago ${key} is missing`);
    }
    this.baseUrl = normalizeSalesManagoEndpoint(options.baseUrl);
    this.now = options.now ?? systemClock;
    const credentials = {
      clientId: options.clientId.trim(),
      apiKey: options.apiKey.trim(),
      apiSecret: options.apiSecret.trim(),
      owner: options.owner.trim(),
    };
    this.secrets = [credentials.apiSecret, credentials.apiKey, salesManagoSha(credentials)];
    const counting: HttpTransport = (request) => {
      this.calls++;
      return options.transport(request);
    };
    this.transport = signedTransport(counting, credentials, this.now);
    const perSecond = options.requestsPerSecond ?? SALESMANAGO_REQUESTS_PER_SECOND;
    if (!(perSecond > 0)) throw new RangeError('requestsPerSecond must be above 0');
    // Whole requests per window: 0.5 a second is one request every 2 s.
    const limit = Math.max(1, Math.floor(perSecond));
    const identity = `salesmanago\u0000${this.baseUrl}\u0000${credentials.clientId}`;
    this.limiter = sharedRateLimiter(identity, limit, (limit * 1000) / perSecond, this.now, options.sleep);
  }

  /** HTTP calls made so far, retries included. */
  get requestCount(): number {
    return this.calls;
  }

  get owner(): string {
    return this.options.owner.trim();
  }

  /**
   * The connection test (docs/salesmanago.md §1): asks about the owner's own e-mail. Throws what a
   * user must fix — refused credentials, an unreachable endpoint, a refused owner.
   */
  async testConnection(): Promise<void> {
    await this.hasContact(this.owner);
  }

  /** The contact id, or null when the account has no contact with this e-mail. */
  async hasContact(email: string): Promise<string | null> {
    const reply = await this.read('/api/contact/hasContact', { email: normalizeEmail(email) });
    return typeof reply.body.contactId === 'string' && reply.body.contactId ? reply.body.contactId : null;
  }

  /** The contacts among at most 50 e-mails that exist, with their opt-out state; absent ones are not in the map. */
  async lookUpContacts(emails: readonly string[]): Promise<Map<string, SalesManagoContactState>> {
    if (emails.length > SALESMANAGO_LOOKUP_PACKAGE) throw new RangeError(`at most ${SALESMANAGO_LOOKUP_PACKAGE} e-mails per look-up`);
    const found = new Map<string, SalesManagoContactState>();
    if (emails.length === 0) return found;
    const reply = await this.read('/api/contact/list', { email: emails.map(normalizeEmail) });
    for (const row of Array.isArray(reply.body.contacts) ? (reply.body.contacts as Array<Record<string, unknown>>) : []) {
      if (typeof row?.email !== 'string') continue;
      const email = normalizeEmail(row.email);
      found.set(email, { email, optedOut: row.optedOut === true });
    }
    return found;
  }

  /** One contact: created, or updated by e-mail. */
  async upsertContact(upsert: SalesManagoUpsert): Promise<{ contactId: string | null }> {
    const reply = await this.call('/api/contact/upsert', { ...upsert, useApiDoubleOptIn: false });
    return { contactId: typeof reply.body.contactId === 'string' ? reply.body.contactId : null };
  }

  /** One package of at most 400 contacts. All of them are saved, or the call throws. */
  async upsertContacts(upserts: readonly SalesManagoUpsert[]): Promise<void> {
    if (upserts.length > SALESMANAGO_UPSERT_PACKAGE) throw new RangeError(`at most ${SALESMANAGO_UPSERT_PACKAGE} contacts per package`);
    if (upserts.length === 0) return;
    await this.call('/api/contact/batchupsertv2', { upsertDetails: upserts, useApiDoubleOptIn: false });
  }

  /** One external event, caps applied; an `eventId` in the input updates that event. */
  async addEvent(input: SalesManagoEventInput): Promise<{ eventId: string }> {
    const reply = await this.call('/api/v2/contact/addContactExtEvent', { email: normalizeEmail(input.email), contactEvent: salesManagoContactEvent(input) });
    return { eventId: this.requireId(reply, 'eventId', '/api/v2/contact/addContactExtEvent') };
  }

  /**
   * At most 1,000 events in one call. SALESmanago names the contacts whose event failed
   * (`failedContacts` [P]); the others were added.
   */
  async addEvents(inputs: readonly SalesManagoEventInput[]): Promise<{ failedEmails: Set<string> }> {
    if (inputs.length > SALESMANAGO_EVENT_PACKAGE) throw new RangeError(`at most ${SALESMANAGO_EVENT_PACKAGE} events per call`);
    if (inputs.length === 0) return { failedEmails: new Set() };
    const events = inputs.map((input) => ({ owner: this.owner, email: normalizeEmail(input.email), contactEvent: salesManagoContactEvent(input) }));
    const reply = await this.call('/api/contact/batchAddContactExtEvent', { events });
    const failed = Array.isArray(reply.body.failedContacts) ? reply.body.failedContacts : [];
    return { failedEmails: new Set(failed.filter((email): email is string => typeof email === 'string').map(normalizeEmail)) };
  }

  /**
   * A contact and one event in a single call (`/api/integration/upsert`, docs/salesmanago.md §4): a
   * purchase costs one request instead of two. Succeeds only when both ids come back.
   */
  async upsertContactWithEvent(upsert: SalesManagoUpsert, input: SalesManagoEventInput): Promise<{ contactId: string; eventId: string }> {
    const path = '/api/integration/upsert';
    const identity = { clientId: this.options.clientId.trim(), owner: this.owner };
    const reply = await this.call(path, {
      contactUpsertRequest: { ...identity, ...upsert },
      addContactExtEventRequest: { ...identity, email: upsert.contact.email, contactEvent: salesManagoContactEvent({ ...input, email: upsert.contact.email }) },
    });
    return { contactId: this.requireId(reply, 'contactId', path), eventId: this.requireId(reply, 'eventId', path) };
  }

  private requireId(reply: V2Reply, key: 'contactId' | 'eventId', path: string): string {
    const id = reply.body[key];
    if (typeof id === 'string' && id) return id;
    throw new SalesManagoApiError({ kind: 'refused', status: 200, path, serverMessage: `the reply carries no ${key}`, secrets: this.secrets });
  }

  /**
   * A call that only reads: a `success: false` that is not about the credentials is asked once
   * more, since SALESmanago gives no codes that tell a passing problem from a lasting one (§2.3).
   */
  private async read(path: string, body: Record<string, unknown>): Promise<V2Reply> {
    try {
      return await this.call(path, body);
    } catch (error) {
      if (error instanceof SalesManagoApiError && error.kind === 'refused') return this.call(path, body);
      throw error;
    }
  }

  private async call(path: string, body: Record<string, unknown>): Promise<V2Reply> {
    const error = (kind: SalesManagoApiError['kind'], status: number, serverMessage?: string) =>
      new SalesManagoApiError({ kind, status, path, serverMessage, secrets: this.secrets });
    let response;
    try {
      response = await sendWithPolicy(
        { method: 'POST', url: joinUrl(this.baseUrl, path), body },
        {
          transport: this.transport,
          sleep: this.options.sleep,
          now: this.now,
          limiter: this.limiter,
          retry: { throttleWithoutRetryAfter: 'backoff', ...this.options.retry },
          onRetry: this.options.onRetry,
        },
      );
    } catch (fault) {
      if (fault instanceof NetworkFault) throw error('unavailable', 0, fault.message);
      throw fault;
    }
    const reply = readReply(response.body);
    if (response.status === 401 || response.status === 403 || isAuthMessage(reply.message)) throw error('auth', response.status, reply.message || undefined);
    if (response.status === 429 || response.status >= 500) throw error('unavailable', response.status, reply.message || undefined);
    if (response.status < 200 || response.status >= 300) throw error('http', response.status, reply.message || undefined);
    if (!reply.success) throw error('refused', response.status, reply.message || undefined);
    return reply;
  }
}
