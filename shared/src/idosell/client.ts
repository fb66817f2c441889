/**
 * Calls to a shop's Admin API with `X-API-KEY` (docs/idosell.md §2–§4). Retries for 429 / 5xx /
 * network faults come from the core's one HTTP policy; this class adds the key, the version in the
 * URL, the faults that arrive inside an HTTP 200, and the request count a CLOUD shop pays for.
 */
import { joinUrl, sendWithPolicy, type RateLimiter, type RetryInfo, type RetryOptions } from '../http';
import { systemClock, type Clock, type HttpMethod, type HttpResponse, type HttpTransport, type Sleep } from '../ports';
import { readIdoSellAnswer } from './answer';
import { DEFAULT_API_VERSION } from './assumed-contract';
import { IdoSellApiError, IdoSellAuthError, IdoSellQuotaError } from './errors';
import { IdoSellRequestCounter } from './request-counter';

export interface IdoSellClientOptions {
  /** `https://yourshop.com`, `https://clientXXXX.idosell.com`, `https://yourshop.iai-shop.com`. */
  shopUrl: string;
  apiKey: string;
  /** Default `7` (docs/idosell.md §3); `8.1` and others are passed through. */
  apiVersion?: string;
  transport: HttpTransport;
  sleep: Sleep;
  now?: Clock;
  retry?: Partial<RetryOptions>;
  /** IdoSell documents no per-second limit [U]: a shell paces a long export with this. */
  limiter?: RateLimiter;
  counter?: IdoSellRequestCounter;
  onRetry?: (info: RetryInfo) => void;
}

/** What a call found: `undefined` when IdoSell answered "no results" (a page past the end). */
export type IdoSellReply = unknown;

export class IdoSellClient {
  readonly counter: IdoSellRequestCounter;
  private readonly base: string;

  constructor(private readonly options: IdoSellClientOptions) {
    if (!options.apiKey || !options.apiKey.trim()) throw new Error('IdoSell needs an API key (shop panel → Administration → API → Admin API access keys).');
    const version = (options.apiVersion ?? DEFAULT_API_VERSION).trim().replace(/^v/i, '');
    if (!/^\d+(\.\d+)?$/.test(version)) throw new Error(`The IdoSell API version "${options.apiVersion}" is not a version number such as 7 or 8.1.`);
    this.base = joinUrl(shopOrigin(options.shopUrl), `/api/admin/v${version}`);
    this.counter = options.counter ?? new IdoSellRequestCounter();
  }

  /** POST `gate` with `{params}`, the body shape of the search gates. */
  post(gate: string, params: Record<string, unknown>): Promise<IdoSellReply> {
    return this.call('POST', gate, { body: { params } });
  }

  /** GET `gate`; arrays must already be comma-joined (docs/idosell.md §3). */
  get(gate: string, query?: Record<string, string>): Promise<IdoSellReply> {
    return this.call('GET', gate, { query });
  }

  private async call(method: HttpMethod, gate: string, payload: { body?: unknown; query?: Record<string, string> }): Promise<IdoSellReply> {
    const counter = this.counter;
    if (counter.exhausted()) throw new IdoSellQuotaError(gate, counter.budget ?? counter.total, 'budget');
    let overBudget = false;
    const counted: HttpTransport = async (request) => {
      // Every attempt is a request the shop counts, retries included. A retry that would go over
      // the budget is not sent: the policy gets a final answer that it does not retry.
      if (counter.exhausted()) {
        overBudget = true;
        return { status: 400, headers: {}, body: undefined };
      }
      counter.add(gate);
      return this.options.transport(request);
    };
    const response = await sendWithPolicy(
      {
        method,
        url: joinUrl(this.base, gate),
        query: payload.query,
        body: payload.body,
        headers: {
          'X-API-KEY': this.options.apiKey,
          Accept: 'application/json',
          ...(payload.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
      },
      {
        transport: counted,
        sleep: this.options.sleep,
        now: this.options.now ?? systemClock,
        limiter: this.options.limiter,
        retry: this.options.retry,
        onRetry: this.options.onRetry,
      },
    );
    if (overBudget) throw new IdoSellQuotaError(gate, counter.budget ?? counter.total, 'budget');
    return this.read(gate, response);
  }

  private read(gate: string, response: HttpResponse): IdoSellReply {
    const answer = readIdoSellAnswer(response);
    switch (answer.kind) {
      case 'key-refused':
        throw new IdoSellAuthError(response.status, gate, answer.scope);
      case 'quota-used-up':
        throw new IdoSellQuotaError(gate, this.counter.total, 'shop');
      case 'refused':
        throw new IdoSellApiError(response.status, gate, answer.detail, answer.faultCode);
      case 'no-results':
        return undefined;
      case 'data':
        return response.body;
    }
  }
}

/** The shop's origin: a path, query or trailing slash the user pasted is dropped. */
function shopOrigin(shopUrl: string): string {
  const match = /^(https?):\/\/([^/?#\s]+)/i.exec(shopUrl.trim());
  if (!match) {
    throw new Error(`The IdoSell shop URL "${shopUrl}" is not an https:// address: use the address of the shop panel, e.g. https://clientXXXX.idosell.com.`);
  }
  return `${match[1].toLowerCase()}://${match[2]}`;
}
