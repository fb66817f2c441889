import { sendWithPolicy, NetworkFault, type RetryInfo, type RetryOptions } from '../http/retry-policy';
import { sharedRateLimiter, type RateLimiter } from '../http/rate-limiter';
import { joinUrl } from '../http/url';
import type { Clock, HttpMethod, HttpTransport, QueryValue, Sleep } from '../ports';
import { systemClock } from '../ports';
import { BULK_SUBSCRIBE_LIMIT, bulkUpsert } from './bulk-upsert';
import { EcomailApiError, EcomailValidationError, serverMessageOf } from './errors';
import { runExclusive } from './keyed-lock';
import type {
  BulkUpsertOptions,
  BulkUpsertResult,
  Contact,
  EcomailList,
  EcomailListDetail,
  ListSubscriber,
  SubscribeResponse,
  SubscriberData,
  TrackEventInput,
  TrackEventResponse,
  Transaction,
  TransactionInput,
  TransactionItem,
  UpsertOptions,
} from './types';
import {
  MAX_EVENT_VALUE_LENGTH,
  isValidEmail,
  mergeTags,
  normalizeEmail,
  validateSubscriber,
  validateTags,
  withoutTags,
} from './validation';

export const ECOMAIL_DEFAULT_BASE_URL = 'https://api2.ecomailapp.cz';
export const ECOMAIL_RATE_LIMIT_PER_MINUTE = 1000;
/** Ecomail's bulk transaction call takes at most 1,000 orders. */
export const BULK_TRANSACTION_LIMIT = 1000;

export interface EcomailClientOptions {
  /** Sent as the `key` header. Leave out when the transport authenticates (n8n credentials). */
  apiKey?: string;
  baseUrl?: string;
  transport: HttpTransport;
  sleep: Sleep;
  now?: Clock;
  rateLimitPerMinute?: number;
  /** Length of the rate-limit window; only scaled in tests and benchmarks. */
  rateLimitWindowMs?: number;
  /**
   * Identity of the shared limiter; defaults to the base URL with the API key (a key's limit is the
   * server's, and the limiter learns from that server's answers).
   */
  limiterKey?: string;
  retry?: Partial<RetryOptions>;
  onRetry?: (info: RetryInfo) => void;
}

export interface PagedSubscribers {
  data: ListSubscriber[];
  currentPage: number;
  lastPage: number;
  total: number;
}

/** Typed Ecomail API v2 client; every call goes through the one rate-limit and retry policy. */
export class EcomailClient {
  private readonly baseUrl: string;
  private readonly apiKey?: string;
  private readonly limiter: RateLimiter;
  private readonly lockScope: string;
  private calls = 0;

  constructor(private readonly options: EcomailClientOptions) {
    if (!options.transport || !options.sleep) {
      throw new TypeError('EcomailClient needs a transport and a sleep function (on Node: createNodeRuntime())');
    }
    this.baseUrl = (options.baseUrl ?? ECOMAIL_DEFAULT_BASE_URL).trim() || ECOMAIL_DEFAULT_BASE_URL;
    this.apiKey = options.apiKey?.trim() || undefined;
    const now = options.now ?? systemClock;
    const identity = options.limiterKey ?? (this.apiKey ? `${this.baseUrl} ${this.apiKey}` : this.baseUrl);
    this.limiter = sharedRateLimiter(
      identity,
      options.rateLimitPerMinute ?? ECOMAIL_RATE_LIMIT_PER_MINUTE,
      options.rateLimitWindowMs ?? 60_000,
      now,
      options.sleep,
    );
    this.lockScope = identity;
  }

  /** HTTP calls made by this client so far, retries included. */
  get requestCount(): number {
    return this.calls;
  }

  // ---- lists -------------------------------------------------------------------------------

  async getLists(): Promise<EcomailList[]> {
    const body = await this.request<unknown>('GET', '/lists');
    const rows = Array.isArray(body) ? body : ((body as { data?: unknown[] })?.data ?? []);
    return (rows as EcomailList[]).map((list) => ({ ...list, id: Number(list.id) }));
  }

  async getList(listId: number | string): Promise<EcomailListDetail> {
    const body = await this.request<{ list?: Record<string, unknown>; subscribers?: Record<string, unknown> }>(
      'GET',
      `/lists/${encodeURIComponent(String(listId))}`,
    );
    const list = (body?.list ?? body) as Record<string, unknown>;
    const counts = body?.subscribers && typeof body.subscribers === 'object' ? body.subscribers : {};
    return {
      ...(list as unknown as EcomailListDetail),
      id: Number(list.id),
      subscriberCounts: Object.fromEntries(Object.entries(counts).map(([status, n]) => [status, Number(n) || 0])),
      custom_fields: (list.custom_fields as EcomailListDetail['custom_fields']) ?? {},
      groups: (list.groups as EcomailListDetail['groups']) ?? {},
    };
  }

  // ---- contacts ----------------------------------------------------------------------------

  /** Create or update one contact (`POST /lists/{id}/subscribe`, update_existing on by default). */
  async upsertContact(listId: number | string, subscriber: SubscriberData, options: UpsertOptions = {}): Promise<SubscribeResponse> {
    const data = cleanSubscriber(subscriber);
    const problem = validateSubscriber(data);
    if (problem) throw new EcomailValidationError(problem);
    return this.request<SubscribeResponse>('POST', `/lists/${encodeURIComponent(String(listId))}/subscribe`, {
      body: {
        subscriber_data: data,
        update_existing: options.updateExisting ?? true,
        resubscribe: options.resubscribe ?? false,
        skip_confirmation: options.skipConfirmation ?? false,
        trigger_autoresponders: options.triggerAutoresponders ?? false,
        trigger_notification: options.triggerNotification ?? false,
      },
    });
  }

  /**
   * Create or update many contacts with subscribe-bulk, at most 3,000 a call. Returns one outcome
   * per input, in order: nothing vanishes silently.
   */
  async upsertContacts(
    listId: number | string,
    subscribers: readonly SubscriberData[],
    options: BulkUpsertOptions & { chunkSize?: number; concurrency?: number } = {},
  ): Promise<BulkUpsertResult> {
    const before = this.calls;
    const path = `/lists/${encodeURIComponent(String(listId))}/subscribe-bulk`;
    const rows = subscribers.map(cleanSubscriber);
    const result = await bulkUpsert(rows, {
      chunkSize: options.chunkSize ?? BULK_SUBSCRIBE_LIMIT,
      concurrency: options.concurrency ?? 2,
      send: async (rows) => {
        const body = await this.request<{ inserts?: number }>('POST', path, {
          body: {
            subscriber_data: rows,
            update_existing: options.updateExisting ?? true,
            resubscribe: options.resubscribe ?? false,
            trigger_autoresponders: options.triggerAutoresponders ?? false,
          },
        });
        return Number(body?.inserts ?? 0) || 0;
      },
    });
    return { ...result, requests: this.calls - before };
  }

  /** Update a member of one list (`PUT /lists/{id}/update-subscriber`); never creates one. */
  async updateContact(listId: number | string, email: string, data: Omit<SubscriberData, 'email'>): Promise<unknown> {
    const address = requireEmail(email);
    const { email: _ignored, ...rest } = cleanSubscriber({ ...data, email: address });
    const problem = validateSubscriber({ ...rest, email: address });
    if (problem) throw new EcomailValidationError(problem);
    return this.request('PUT', `/lists/${encodeURIComponent(String(listId))}/update-subscriber`, {
      body: { email: address, subscriber_data: rest },
    });
  }

  /** The contact across all lists, or null when Ecomail does not know the address. */
  async getContact(email: string): Promise<Contact | null> {
    const address = requireEmail(email);
    const body = await this.requestOrNull<{ subscriber?: Contact }>('GET', `/subscribers/${encodeURIComponent(address)}`);
    if (!body) return null;
    const subscriber = (body.subscriber ?? body) as Contact;
    return { ...subscriber, tags: Array.isArray(subscriber.tags) ? subscriber.tags : [], lists: subscriber.lists ?? {} };
  }

  /** The contact as a member of one list, or null when it is not a member. */
  async getListContact(listId: number | string, email: string): Promise<ListSubscriber | null> {
    const address = requireEmail(email);
    const body = await this.requestOrNull<{ subscriber?: ListSubscriber }>(
      'GET',
      `/lists/${encodeURIComponent(String(listId))}/subscriber/${encodeURIComponent(address)}`,
    );
    if (!body) return null;
    return (body.subscriber ?? body) as ListSubscriber;
  }

  /** One page of a list's members; `status` is the listing's string filter (Ecomail's default: subscribed). */
  async listSubscribers(
    listId: number | string,
    paging: { page?: number; perPage?: number; status?: string } = {},
  ): Promise<PagedSubscribers> {
    const body = await this.request<Record<string, unknown>>('GET', `/lists/${encodeURIComponent(String(listId))}/subscribers`, {
      query: { page: paging.page ?? 1, per_page: paging.perPage, status: paging.status },
    });
    return {
      data: (body?.data as ListSubscriber[]) ?? [],
      currentPage: Number(body?.current_page ?? paging.page ?? 1),
      lastPage: Number(body?.last_page ?? 1),
      total: Number(body?.total ?? 0),
    };
  }

  /** Unsubscribe from one list. Ecomail does not fire its list webhook for API unsubscribes. */
  async unsubscribe(listId: number | string, email: string): Promise<unknown> {
    return this.request('DELETE', `/lists/${encodeURIComponent(String(listId))}/unsubscribe`, {
      body: { email: requireEmail(email) },
    });
  }

  // ---- tags: read, merge, write, one e-mail at a time ---------------------------------------

  addTags(email: string, tags: readonly string[], options: { listId: number | string }): Promise<{ email: string; tags: string[] }> {
    return this.changeTags(email, options.listId, (current) => mergeTags(current, cleanTags(tags)));
  }

  removeTags(email: string, tags: readonly string[], options: { listId: number | string }): Promise<{ email: string; tags: string[] }> {
    return this.changeTags(email, options.listId, (current) => withoutTags(current, cleanTags(tags)));
  }

  private changeTags(
    email: string,
    listId: number | string,
    change: (current: string[]) => string[],
  ): Promise<{ email: string; tags: string[] }> {
    const address = requireEmail(email);
    return runExclusive(`${this.lockScope}\u0000${address}`, async () => {
      const contact = await this.getContact(address);
      if (!contact) {
        throw new EcomailApiError({
          status: 404,
          method: 'GET',
          path: `/subscribers/${encodeURIComponent(address)}`,
          message: `Ecomail has no contact ${address}: create or update the contact first, then change its tags`,
        });
      }
      const tags = change(contact.tags);
      if (sameTags(tags, contact.tags)) return { email: address, tags };
      const problem = validateTags(tags);
      if (problem) throw new EcomailValidationError(problem);
      // Tags belong to the contact, not the list: write through a list it is a member of.
      const memberOf = Object.keys(contact.lists);
      const target = memberOf.includes(String(listId)) || memberOf.length === 0 ? listId : memberOf[0];
      await this.request('PUT', `/lists/${encodeURIComponent(String(target))}/update-subscriber`, {
        body: { email: address, subscriber_data: { tags } },
      });
      return { email: address, tags };
    });
  }

  // ---- events, orders, automations ----------------------------------------------------------

  async trackEvent(input: TrackEventInput): Promise<TrackEventResponse> {
    const email = requireEmail(input.email);
    const value = typeof input.value === 'string' || input.value === undefined ? input.value : JSON.stringify(input.value);
    if (typeof value === 'string' && value.length > MAX_EVENT_VALUE_LENGTH) {
      throw new EcomailValidationError(`event value has ${value.length} characters; Ecomail allows ${MAX_EVENT_VALUE_LENGTH}`);
    }
    const event = dropUndefined({ ...input, email, value: input.value });
    return this.request<TrackEventResponse>('POST', '/tracker/events', { body: { event } });
  }

  async createTransaction(transaction: Transaction, items: readonly TransactionItem[]): Promise<unknown> {
    const email = requireEmail(transaction.email);
    if (!transaction.order_id) throw new EcomailValidationError('order id is missing');
    return this.request('POST', '/tracker/transaction', {
      body: { transaction: dropUndefined({ ...transaction, email }), transaction_items: items },
    });
  }

  /** Bulk orders, 1,000 a call. Ecomail does not start "made an order" automations for these. */
  async createTransactions(inputs: readonly TransactionInput[]): Promise<{ inserted: number; requests: number }> {
    const before = this.calls;
    let inserted = 0;
    for (let i = 0; i < inputs.length; i += BULK_TRANSACTION_LIMIT) {
      const body = await this.request<{ inserts?: number }>('POST', '/tracker/transaction-bulk', {
        body: { transaction_data: inputs.slice(i, i + BULK_TRANSACTION_LIMIT) },
      });
      inserted += Number(body?.inserts ?? 0) || 0;
    }
    return { inserted, requests: this.calls - before };
  }

  async triggerAutomation(pipelineId: number | string, email: string): Promise<unknown> {
    return this.request('POST', `/pipelines/${encodeURIComponent(String(pipelineId))}/trigger`, {
      body: { email: requireEmail(email) },
    });
  }

  /** Automations for dropdowns; the reply has come as a bare array, `data[]` or `pipelines[]`. */
  async getAutomations(): Promise<Array<{ id: number; name: string }>> {
    const body = await this.request<unknown>('GET', '/pipelines');
    const rows = Array.isArray(body)
      ? body
      : ((body as { data?: unknown[]; pipelines?: unknown[] })?.data ?? (body as { pipelines?: unknown[] })?.pipelines ?? []);
    return (rows as Array<{ id: unknown; name?: unknown }>).map((row) => ({
      id: Number(row.id),
      name: typeof row.name === 'string' && row.name ? row.name : `Automation ${String(row.id)}`,
    }));
  }

  // ---- transport -----------------------------------------------------------------------------

  private async requestOrNull<T>(method: HttpMethod, path: string): Promise<T | null> {
    try {
      return await this.request<T>(method, path);
    } catch (error) {
      if (error instanceof EcomailApiError && error.status === 404) return null;
      throw error;
    }
  }

  private async request<T>(
    method: HttpMethod,
    path: string,
    init: { body?: unknown; query?: Record<string, QueryValue | undefined> } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.apiKey) headers.key = this.apiKey;
    const countingTransport: HttpTransport = (request) => {
      this.calls++;
      return this.options.transport(request);
    };
    try {
      const response = await sendWithPolicy(
        { method, url: joinUrl(this.baseUrl, path), headers, query: init.query, body: init.body },
        {
          transport: countingTransport,
          sleep: this.options.sleep,
          now: this.options.now ?? systemClock,
          limiter: this.limiter,
          retry: this.options.retry,
          onRetry: this.options.onRetry,
        },
      );
      if (response.status >= 200 && response.status < 300) return response.body as T;
      throw new EcomailApiError({
        status: response.status,
        method,
        path,
        serverMessage: serverMessageOf(response.body),
        details: typeof response.body === 'object' ? response.body : undefined,
      });
    } catch (error) {
      if (error instanceof NetworkFault) {
        throw new EcomailApiError({ status: 0, method, path, serverMessage: error.message });
      }
      throw error;
    }
  }
}

function requireEmail(email: unknown): string {
  const address = typeof email === 'string' ? normalizeEmail(email) : '';
  const valid: boolean = isValidEmail(address);
  if (!valid) {
    throw new EcomailValidationError(address ? `"${address.slice(0, 80)}" is not a valid e-mail address` : 'e-mail is missing');
  }
  return address;
}

/** Trims the e-mail, drops undefined keys, and leaves `tags` out unless the caller set them. */
function cleanSubscriber(subscriber: SubscriberData): SubscriberData {
  if (!subscriber || typeof subscriber !== 'object') return subscriber;
  const data = dropUndefined({ ...subscriber }) as SubscriberData;
  if (typeof data.email === 'string') data.email = normalizeEmail(data.email);
  if (Array.isArray(data.tags)) data.tags = cleanTags(data.tags);
  return data;
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => String(tag).trim()).filter((tag) => tag !== ''))];
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
