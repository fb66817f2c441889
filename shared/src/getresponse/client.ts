import { sharedRateLimiter, type RateLimiter } from '../http/rate-limiter';
import { secondsLeftRateWindow, type RateWindow } from '../http/rate-window';
import { NetworkFault, sendWithPolicy, type RetryInfo, type RetryOptions } from '../http/retry-policy';
import { joinUrl } from '../http/url';
import { systemClock, type Clock, type HttpMethod, type HttpResponse, type HttpTransport, type QueryValue, type Sleep } from '../ports';
import { normalizeDomain } from './domain';
import { GetResponseApiError, readErrorBody } from './errors';
import type {
  CreateContactInput,
  CustomFieldDefinitionInput,
  CustomFieldValueInput,
  GetResponseAccount,
  GetResponseCampaign,
  GetResponseContact,
  GetResponseCustomField,
  GetResponseImport,
  GetResponseTag,
  ImportInput,
  UpdateContactInput,
} from './types';

export const GETRESPONSE_DEFAULT_BASE_URL = 'https://api.getresponse.com/v3';
/** The API of GetResponse MAX (Enterprise) accounts, which also need `X-Domain` (docs/getresponse.md §1). */
export const GETRESPONSE_ENTERPRISE_BASE_URLS = {
  us: 'https://api3.getresponse360.com/v3',
  pl: 'https://api3.getresponse360.pl/v3',
} as const;
/**
 * Our own pace [A]: 10 calls a second is an eighth of GetResponse's burst limit and a fifth of its
 * 30,000 calls per 10 minutes (docs/getresponse.md §6); its rate headers slow us further.
 */
export const GETRESPONSE_REQUESTS_PER_SECOND = 10;
/** GetResponse serves at most 10 requests of one account at a time (§6). */
export const GETRESPONSE_MAX_CONCURRENCY = 10;
/** Largest page GetResponse serves (§5). */
const PAGE_SIZE = 1000;

export interface GetResponseClientOptions {
  /** Sent as `X-Auth-Token: api-key <key>`. */
  apiKey: string;
  /** Default https://api.getresponse.com/v3; MAX accounts use their region's (GETRESPONSE_ENTERPRISE_BASE_URLS). */
  baseUrl?: string;
  /** MAX (Enterprise) accounts only: the account's domain, sent as `X-Domain`. */
  domain?: string;
  transport: HttpTransport;
  sleep: Sleep;
  now?: Clock;
  /** Default GETRESPONSE_REQUESTS_PER_SECOND; tests and benchmarks change it with the window. */
  requestsPerSecond?: number;
  /** Length of the pacing window; only scaled in tests and benchmarks. */
  rateWindowMs?: number;
  retry?: Partial<RetryOptions>;
  onRetry?: (info: RetryInfo) => void;
}

/**
 * Typed GetResponse API v3 client (docs/getresponse.md): every call goes through the core's one
 * HTTP policy, with GetResponse's own rate headers read on every reply.
 */
export class GetResponseClient {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly domain?: string;
  private readonly limiter: RateLimiter;
  private calls = 0;

  constructor(private readonly options: GetResponseClientOptions) {
    if (!options.transport || !options.sleep) {
      throw new TypeError('GetResponseClient needs a transport and a sleep function (on Node: createNodeRuntime())');
    }
    const apiKey = options.apiKey?.trim();
    if (!apiKey) throw new Error('GetResponse needs an API key (GetResponse → Integrations and API → API).');
    this.apiKey = apiKey;
    this.baseUrl = options.baseUrl?.trim() || GETRESPONSE_DEFAULT_BASE_URL;
    this.domain = normalizeDomain(options.domain);
    if (this.domain && this.baseUrl === GETRESPONSE_DEFAULT_BASE_URL) {
      throw new Error(
        `A GetResponse domain is only for MAX (Enterprise) accounts, whose API is ${GETRESPONSE_ENTERPRISE_BASE_URLS.us} (US) or ${GETRESPONSE_ENTERPRISE_BASE_URLS.pl} (PL): set that API address too, or leave the domain empty.`,
      );
    }
    const now = options.now ?? systemClock;
    this.limiter = sharedRateLimiter(
      `getresponse\u0000${this.apiKey}`,
      options.requestsPerSecond ?? GETRESPONSE_REQUESTS_PER_SECOND,
      options.rateWindowMs ?? 1000,
      now,
      options.sleep,
    );
  }

  /** HTTP calls made by this client so far, retries included. */
  get requestCount(): number {
    return this.calls;
  }

  // ---- account, lists, catalogues (dropdowns and the connection test) ----------------------

  /** The account behind the key: the connection test. */
  getAccount(): Promise<GetResponseAccount> {
    return this.request<GetResponseAccount>('GET', '/accounts');
  }

  listCampaigns(): Promise<GetResponseCampaign[]> {
    return this.allPages<GetResponseCampaign>('/campaigns');
  }

  /** The campaign (list), or null when the account has none with this id. */
  async getCampaign(campaignId: string): Promise<GetResponseCampaign | null> {
    try {
      return await this.request<GetResponseCampaign>('GET', `/campaigns/${encodeURIComponent(campaignId)}`);
    } catch (error) {
      if (error instanceof GetResponseApiError && error.isNotFound) return null;
      throw error;
    }
  }

  listCustomFields(): Promise<GetResponseCustomField[]> {
    return this.allPages<GetResponseCustomField>('/custom-fields');
  }

  createCustomField(definition: CustomFieldDefinitionInput): Promise<GetResponseCustomField> {
    return this.request<GetResponseCustomField>('POST', '/custom-fields', { body: definition });
  }

  listTags(query: { name?: string } = {}): Promise<GetResponseTag[]> {
    return this.allPages<GetResponseTag>('/tags', { 'query[name]': query.name });
  }

  createTag(name: string): Promise<GetResponseTag> {
    return this.request<GetResponseTag>('POST', '/tags', { body: { name } });
  }

  // ---- contacts ----------------------------------------------------------------------------

  /**
   * The contact with exactly this e-mail in the campaign, or null. Exact match, because without
   * it GetResponse matches like LIKE (and slowly); the reply is checked too (docs/getresponse.md §3.2).
   */
  async findContact(campaignId: string, email: string): Promise<GetResponseContact | null> {
    const rows = await this.request<GetResponseContact[]>('GET', '/contacts', {
      query: { 'query[email]': email, 'query[campaignId]': campaignId, additionalFlags: 'exactMatch', perPage: 10 },
    });
    const wanted = email.toLowerCase();
    const match = (Array.isArray(rows) ? rows : []).find(
      (row) => typeof row?.email === 'string' && row.email.toLowerCase() === wanted && (row.campaign?.campaignId ?? campaignId) === campaignId,
    );
    return match ?? null;
  }

  /** One page of the campaign's contacts (processed ones only), 1,000 a page, with the number of pages. */
  async contactsPage(campaignId: string, page: number): Promise<{ contacts: GetResponseContact[]; totalPages: number }> {
    const { rows, totalPages } = await this.page<GetResponseContact>('/contacts', { 'query[campaignId]': campaignId }, page);
    return { contacts: rows, totalPages };
  }

  /** Queues a new contact: GetResponse answers 202 without a body and shows it later (§3.1). */
  async createContact(input: CreateContactInput): Promise<void> {
    await this.request('POST', '/contacts', {
      body: dropUndefined({
        email: input.email,
        name: input.name,
        campaign: { campaignId: input.campaignId },
        dayOfCycle: input.dayOfCycle,
        tags: input.tagIds?.map((tagId) => ({ tagId })),
        customFieldValues: input.customFieldValues,
      }),
    });
  }

  /** Updates name and, when `tagIds` is given, REPLACES the contact's tags (§3.2). */
  updateContact(contactId: string, input: UpdateContactInput): Promise<GetResponseContact> {
    return this.request<GetResponseContact>('POST', `/contacts/${encodeURIComponent(contactId)}`, {
      body: dropUndefined({ name: input.name, tags: input.tagIds?.map((tagId) => ({ tagId })) }),
    });
  }

  /** Adds tags, keeping the contact's others. */
  addTags(contactId: string, tagIds: readonly string[]): Promise<unknown> {
    return this.request('POST', `/contacts/${encodeURIComponent(contactId)}/tags`, { body: { tags: tagIds.map((tagId) => ({ tagId })) } });
  }

  /** Sets these fields, keeping the contact's others. */
  setCustomFields(contactId: string, values: readonly CustomFieldValueInput[]): Promise<unknown> {
    return this.request('POST', `/contacts/${encodeURIComponent(contactId)}/custom-fields`, { body: { customFieldValues: values } });
  }

  // ---- imports -----------------------------------------------------------------------------

  /** Starts an import that adds and updates (§4); GetResponse answers 201 with its id. */
  startImport(input: ImportInput): Promise<GetResponseImport> {
    return this.request<GetResponseImport>('POST', '/imports', { body: input });
  }

  getImport(importId: string): Promise<GetResponseImport> {
    return this.request<GetResponseImport>('GET', `/imports/${encodeURIComponent(importId)}`);
  }

  // ---- transport ---------------------------------------------------------------------------

  /** Every page of a listing: pages of 1,000 until the last (§5). */
  private async allPages<T>(path: string, query: Record<string, QueryValue | undefined> = {}): Promise<T[]> {
    const rows: T[] = [];
    for (let page = 1; ; page++) {
      const reply = await this.page<T>(path, query, page);
      rows.push(...reply.rows);
      if (page >= reply.totalPages || reply.rows.length === 0) return rows;
    }
  }

  /**
   * One page of 1,000. The number of pages is the `TotalPages` header; without it, a full page
   * means there may be another.
   */
  private async page<T>(path: string, query: Record<string, QueryValue | undefined>, page: number): Promise<{ rows: T[]; totalPages: number }> {
    const response = await this.send('GET', path, { query: { ...query, page, perPage: PAGE_SIZE } });
    const rows = Array.isArray(response.body) ? (response.body as T[]) : [];
    const total = Number(response.headers.totalpages);
    return { rows, totalPages: Number.isFinite(total) && total > 0 ? total : rows.length === PAGE_SIZE ? page + 1 : page };
  }

  private async request<T>(method: HttpMethod, path: string, init: { body?: unknown; query?: Record<string, QueryValue | undefined> } = {}): Promise<T> {
    return (await this.send(method, path, init)).body as T;
  }

  private async send(
    method: HttpMethod,
    path: string,
    init: { body?: unknown; query?: Record<string, QueryValue | undefined> },
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { Accept: 'application/json', 'X-Auth-Token': `api-key ${this.apiKey}` };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.domain) headers['X-Domain'] = this.domain;
    const countingTransport: HttpTransport = (request) => {
      this.calls++;
      return this.options.transport(request);
    };
    let response: HttpResponse;
    try {
      response = await sendWithPolicy(
        { method, url: joinUrl(this.baseUrl, path), headers, query: init.query, body: init.body },
        {
          transport: countingTransport,
          sleep: this.options.sleep,
          now: this.options.now ?? systemClock,
          limiter: this.limiter,
          retry: this.options.retry,
          onRetry: this.options.onRetry,
          rateWindow: (reply) => secondsLeftRateWindow(reply) ?? timeToResetOf(reply),
        },
      );
    } catch (error) {
      if (error instanceof NetworkFault) throw new GetResponseApiError({ status: 0, method, path, serverMessage: error.message });
      throw error;
    }
    if (response.status >= 200 && response.status < 300) return response;
    const { code, message } = readErrorBody(response.body);
    throw new GetResponseApiError({ status: response.status, method, path, code, serverMessage: message });
  }
}

/** A 429 whose headers went missing still carries `context.timeToReset` in seconds (§6) [A: the unit]. */
function timeToResetOf(response: HttpResponse): RateWindow | undefined {
  if (response.status !== 429 || !response.body || typeof response.body !== 'object') return undefined;
  const context = (response.body as { context?: { timeToReset?: unknown } }).context;
  const seconds = Number(context?.timeToReset);
  return Number.isFinite(seconds) && seconds >= 0 ? { remaining: 0, resetMs: seconds * 1000 } : undefined;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
