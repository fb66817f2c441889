/**
 * A GoOut look-alike on 127.0.0.1 for tests and benchmarks (node:http only). It follows the spec's
 * contract (docs/goout.md §2–§4, assumed parts included): expiring access tokens, both refresh
 * variants, rotating and killable refresh tokens, paged sales and purchases, id-batched entities
 * with GoOut's batch limits enforced (400 above 48 schedules or 25 events/venues).
 */
import type http from 'node:http';
import { startTextServer } from '../text-server';
import { GoOutDataset, type SeedOptions } from './dataset';

export interface GoOutSandboxOptions {
  /** Default 0 = a random free port. */
  port?: number;
  /** Clock for token ages; tests pass a fake one and move it instead of waiting. */
  now?: () => number;
  accessTtlMs?: number;
  refreshTtlMs?: number;
  /** Serve only one refresh variant; the other gets 400. Default: both. */
  refreshVariant?: 'A' | 'B' | 'both';
  /** Issue a new refresh token on every refresh (the old one dies); false: reply without one. */
  rotateRefreshTokens?: boolean;
  /** Largest accepted purchases pageSize. */
  maxPurchasesPageSize?: number;
  /** Request log entries kept (a million-purchase backfill makes thousands). */
  maxLoggedRequests?: number;
  /**
   * Put into every issued token right after the `eyJ` a JWT starts with, so a leak check finds
   * even a cut-off token by this marker. Letters, digits and `-` only (the token stays JWT-shaped).
   */
  tokenMarker?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  status: number;
}

interface TokenRecord {
  issuedAt: number;
  alive: boolean;
}

export interface GoOutSandbox {
  url: string;
  close(): Promise<void>;
  seed(n: number, options?: SeedOptions): { sales: number; purchases: number; organizerId: string };
  /** Purchases made after seeding; `state` fixes theirs (e.g. `refunded`). Returns their ids. */
  addPurchases(count: number, state?: string): string[];
  /** A purchase of the organiser is refunded from now on. */
  refund(purchaseId: string): void;
  /** A sale of the organiser is cancelled from now on, all its purchases refunded. */
  cancelSale(saleId: string): void;
  /** A fresh valid access + refresh pair, as a user would paste it. */
  initialTokens(): { accessToken: string; refreshToken: string };
  state: {
    requests(): LoggedRequest[];
    requestCount(): number;
    clearRequests(): void;
    refreshCount(): number;
    killRefreshTokens(): void;
    /** Every issued access token stops working (as if a day passed). */
    expireAccessTokens(): void;
    /** The newest access and refresh tokens that still work. */
    validTokens(): { accessToken?: string; refreshToken?: string };
    /** Purchases of the configured organiser, including those added later. */
    purchaseCount(): number;
    dataset(): GoOutDataset;
  };
}

const REFRESH_PATH = '/services/user/v3/refresh-tokens';

export async function startGoOutSandbox(options: GoOutSandboxOptions = {}): Promise<GoOutSandbox> {
  const now = options.now ?? Date.now;
  const accessTtlMs = options.accessTtlMs ?? 86_400_000;
  const refreshTtlMs = options.refreshTtlMs ?? 60 * 86_400_000;
  const variants = options.refreshVariant ?? 'both';
  const rotate = options.rotateRefreshTokens ?? true;
  const maxLogged = options.maxLoggedRequests ?? 100_000;
  const access = new Map<string, TokenRecord>();
  const refresh = new Map<string, TokenRecord>();
  const log: LoggedRequest[] = [];
  let requestCount = 0;
  let refreshes = 0;
  let issued = 0;
  let data = new GoOutDataset(0, { foreignSales: 0 });

  const token = (kind: string) => {
    issued++;
    const payload = Buffer.from(JSON.stringify({ sub: '4242', iat: Math.floor(now() / 1000), n: issued })).toString('base64url');
    const header = options.tokenMarker ? `eyJ-${options.tokenMarker}-${kind}-${issued}` : 'eyJhbGciOiJIUzUxMiJ9';
    return `${header}.${payload}.sandbox-${kind}-${issued}`;
  };
  const issue = (store: Map<string, TokenRecord>, kind: string) => {
    const value = token(kind);
    store.set(value, { issuedAt: now(), alive: true });
    return value;
  };
  const valid = (store: Map<string, TokenRecord>, ttl: number, value: string | undefined | null) => {
    const record = value ? store.get(value) : undefined;
    return !!record && record.alive && now() - record.issuedAt < ttl;
  };
  const newest = (store: Map<string, TokenRecord>, ttl: number) => [...store.keys()].reverse().find((t) => valid(store, ttl, t));

  function handleRefresh(url: URL, headers: http.IncomingHttpHeaders, body: unknown): [number, unknown] {
    const viaQuery = url.searchParams.get('refreshToken');
    const viaBody = (body as { refresh_token?: unknown } | undefined)?.refresh_token;
    const variant = viaQuery ? 'A' : typeof viaBody === 'string' ? 'B' : undefined;
    if (!variant || (variants !== 'both' && variants !== variant)) return [400, { error: 'invalid_request', message: 'missing refresh token' }];
    if (variant === 'A') {
      // Variant A sends the current access token as Bearer; it must be one we issued (expired is fine [U]).
      const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
      if (!bearer || !access.has(bearer)) return [401, { error: 'unauthorized' }];
    }
    const presented = variant === 'A' ? viaQuery : (viaBody as string);
    if (!valid(refresh, refreshTtlMs, presented)) return [401, { error: 'invalid_grant', error_description: 'Refresh token is expired or revoked' }];
    refreshes++;
    const accessToken = issue(access, 'access');
    let refreshToken: string | undefined;
    if (rotate) {
      refresh.get(presented!)!.alive = false;
      refreshToken = issue(refresh, 'refresh');
    }
    return [200, variant === 'A' ? { accessToken, ...(refreshToken ? { refreshToken } : {}) } : { access_token: accessToken, ...(refreshToken ? { refresh_token: refreshToken } : {}) }];
  }

  function page<T>(url: URL, total: number, defaultSize: number, maxSize: number, at: (i: number) => T): { items: T[]; hasNext: boolean } | undefined {
    const pageIndex = Number(url.searchParams.get('pageIndex') ?? 0);
    const pageSize = Number(url.searchParams.get('pageSize') ?? defaultSize);
    if (!(Number.isInteger(pageIndex) && pageIndex >= 0 && Number.isInteger(pageSize) && pageSize > 0 && pageSize <= maxSize)) return undefined;
    const from = pageIndex * pageSize;
    const items: T[] = [];
    for (let i = from; i < Math.min(total, from + pageSize); i++) items.push(at(i));
    return { items, hasNext: from + pageSize < total };
  }

  function handleData(url: URL): [number, unknown] {
    const ids = url.searchParams.getAll('ids[]');
    switch (url.pathname) {
      case '/services/entitystore/v2/sales': {
        const result = page(url, data.saleCount, 50, 100, (i) => data.sale(i));
        if (!result) return [400, { message: 'bad paging' }];
        const include = (url.searchParams.get('include') ?? '').split(',');
        return [
          200,
          {
            data: result.items.map((sale) => ({
              id: sale.id,
              type: 'sales',
              attributes: { state: sale.state, currency: 'CZK', saleUrl: `https://goout.net/cs/listky/${sale.id}` },
              relationships: {
                schedule: { data: { id: sale.scheduleId, type: 'schedules' } },
                organizer: { data: { id: sale.organizerId, type: 'organizers' } },
                deals: { data: [{ id: `${sale.id}1`, type: 'deals' }, { id: `${sale.id}2`, type: 'deals' }] },
              },
            })),
            included: include.includes('deals') ? result.items.flatMap((sale) => data.deals(sale)) : [],
            meta: { hasNext: result.hasNext },
          },
        ];
      }
      case '/services/reporting/v1/purchases': {
        const saleIds = url.searchParams.getAll('saleIds[]');
        const sales = saleIds.length
          ? saleIds.map((id) => data.saleById(id)).filter((s) => s !== undefined)
          : Array.from({ length: data.saleCount }, (_, i) => data.sale(i));
        const counts = sales.map((sale) => data.salePurchaseCount(sale));
        const total = counts.reduce((a, b) => a + b, 0);
        const withTickets = (url.searchParams.get('include') ?? '').split(',').includes('tickets');
        const result = page(url, total, 100, options.maxPurchasesPageSize ?? 500, (i) => {
          let s = 0;
          while (i >= counts[s]) i -= counts[s++];
          return data.purchase(sales[s], i, withTickets);
        });
        if (!result) return [400, { message: 'bad paging' }];
        return [200, { purchases: result.items, meta: { hasNext: result.hasNext } }];
      }
      case '/services/entities/v2/schedules':
        return ids.length > 48 ? [400, { message: 'too many ids' }] : [200, { data: ids.map((id) => data.schedule(id)).filter(Boolean) }];
      case '/services/entities/v2/events':
        return ids.length > 25 ? [400, { message: 'too many ids' }] : [200, { data: ids.map((id) => data.event(id)).filter(Boolean) }];
      case '/services/entities/v2/venues':
        return ids.length > 25 ? [400, { message: 'too many ids' }] : [200, { data: ids.map((id) => data.venue(id)).filter(Boolean) }];
      default:
        return [404, { message: 'not found' }];
    }
  }

  function handle(req: http.IncomingMessage, url: URL, text: string): [number, unknown] {
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      return [400, { message: 'body is not valid JSON' }];
    }
    if (req.method === 'POST' && url.pathname === REFRESH_PATH) return handleRefresh(url, req.headers, body);
    if (req.method !== 'GET') return [405, { message: 'method not allowed' }];
    if (!valid(access, accessTtlMs, /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1])) return [401, { message: 'Unauthorized' }];
    return handleData(url);
  }

  function respond(req: http.IncomingMessage, res: http.ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const [status, reply] = handle(req, url, text);
    requestCount++;
    if (log.length < maxLogged) {
      const query: Record<string, string[]> = {};
      for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
      log.push({ method: req.method ?? 'GET', path: url.pathname, query, status });
    }
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(reply));
  }

  const server = await startTextServer(options.port ?? 0, respond);

  return {
    url: server.url,
    close: () => server.close(),
    seed(n, seedOptions = {}) {
      data = new GoOutDataset(n, seedOptions);
      return { sales: data.mainSales, purchases: n, organizerId: '101' };
    },
    addPurchases: (count, state) => data.addPurchases(count, state),
    refund: (purchaseId) => data.refund(purchaseId),
    cancelSale: (saleId) => data.cancelSale(saleId),
    initialTokens: () => ({ accessToken: issue(access, 'access'), refreshToken: issue(refresh, 'refresh') }),
    state: {
      requests: () => log.slice(),
      requestCount: () => requestCount,
      clearRequests: () => {
        log.length = 0;
      },
      refreshCount: () => refreshes,
      killRefreshTokens: () => refresh.forEach((record) => (record.alive = false)),
      expireAccessTokens: () => access.forEach((record) => (record.alive = false)),
      validTokens: () => ({ accessToken: newest(access, accessTtlMs), refreshToken: newest(refresh, refreshTtlMs) }),
      purchaseCount: () => data.purchaseCount,
      dataset: () => data,
    },
  };
}
