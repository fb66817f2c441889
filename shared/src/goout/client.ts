/**
 * Authenticated GETs against GoOut. Retries for 429/5xx/network faults come from the core's one
 * HTTP policy; this class adds only the Bearer header and the 401 → refresh → retry-once rule
 * (docs/goout.md §2.2 rule 4).
 */
import { joinUrl, sendWithPolicy, type RateLimiter, type RetryInfo, type RetryOptions } from '../http';
import { systemClock, type Clock, type HttpResponse, type HttpTransport, type QueryValue, type Sleep } from '../ports';
import { GoOutApiError, describeGoOutBody } from './errors';
import type { GoOutTokenManager } from './token-manager';

export interface GoOutClientOptions {
  baseUrl?: string;
  transport: HttpTransport;
  sleep: Sleep;
  now?: Clock;
  tokens: GoOutTokenManager;
  retry?: Partial<RetryOptions>;
  /** GoOut's limits are unknown [U]; a shell may still pace calls. */
  limiter?: RateLimiter;
  onRetry?: (info: RetryInfo) => void;
}

export class GoOutClient {
  private readonly baseUrl: string;
  private readonly now: Clock;

  constructor(private readonly options: GoOutClientOptions) {
    this.baseUrl = options.baseUrl ?? 'https://goout.net';
    this.now = options.now ?? systemClock;
  }

  /** GET `path` and return the parsed body; non-2xx becomes a `GoOutApiError`. */
  async get<T = unknown>(path: string, query?: Record<string, QueryValue | undefined>): Promise<T> {
    const token = await this.options.tokens.accessToken();
    let response = await this.send(path, query, token);
    if (response.status === 401) {
      response = await this.send(path, query, await this.options.tokens.afterUnauthorized(token));
    }
    if (response.status < 200 || response.status >= 300) {
      throw new GoOutApiError(response.status, 'GET', path, describeGoOutBody(response.body));
    }
    return response.body as T;
  }

  private send(path: string, query: Record<string, QueryValue | undefined> | undefined, token: string): Promise<HttpResponse> {
    return sendWithPolicy(
      { method: 'GET', url: joinUrl(this.baseUrl, path), query, headers: { Authorization: `Bearer ${token}` } },
      {
        transport: this.options.transport,
        sleep: this.options.sleep,
        now: this.now,
        limiter: this.options.limiter,
        retry: this.options.retry,
        onRetry: this.options.onRetry,
      },
    );
  }
}
