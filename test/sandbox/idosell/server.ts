/**
 * An IdoSell Admin API look-alike on 127.0.0.1 (node:http only), after docs/idosell.md §2–§8:
 * `X-API-KEY` auth, any `/api/admin/v{N}` version, faults inside HTTP 200 (`errors.faultCode` /
 * `faultString`, `errors[].message`, header `x-error`), pages from 0 with at most 100 results,
 * orders by `ordersDateType: modified`, categories and menus three levels deep, clients with
 * per-shop approvals, newsletter subscribers without an account, and a monthly request quota that
 * refuses once used up.
 */
import type http from 'node:http';
import { mulberry32 } from '../ecomail/prng';
import { startTextServer } from '../text-server';
import { IdoSellDataset, type ShopId } from './dataset';
import { categoriesJson, clientJson, orderJson, productJson, subscriberJson } from './wire';

export interface IdoSellSandboxOptions {
  port?: number;
  apiKey?: string;
  /** Requests the shop may make this month (CLOUD plan); unlimited when absent. */
  quota?: number;
  maxLoggedRequests?: number;
}

export interface IdoSellFaults {
  /** Share of data calls answered 200 with a fault in the body. */
  faultRate?: number;
  /** Share answered 500/502/503. */
  serverErrorRate?: number;
  seed?: number;
}

export interface IdoSellLoggedRequest {
  method: string;
  /** The gate, without `/api/admin/vN`. */
  gate: string;
  version: string;
  status: number;
  /** The fault sent inside the reply, if any. */
  fault?: string;
  body?: unknown;
  query?: Record<string, string>;
}

export interface IdoSellSandbox {
  url: string;
  apiKey: string;
  close(): Promise<void>;
  seed(orders: number, seed?: number): IdoSellDataset;
  setFaults(faults: IdoSellFaults): void;
  setQuota(quota: number | undefined): void;
  state: {
    dataset(): IdoSellDataset;
    requests(): IdoSellLoggedRequest[];
    /** Every authorised request the quota counts. */
    requestCount(): number;
    clearRequests(): void;
  };
}

type Reply = [status: number, body: unknown, headers?: Record<string, string>];

const fault = (code: string | number, message: string): Reply => [200, { errors: { faultCode: code, faultString: message } }];
const PAGE_MAX = 100;
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function pageOf<T>(items: readonly T[], page: unknown, limit: unknown, defaultLimit: number): { slice: T[]; pages: number } | Reply {
  const size = limit === undefined ? defaultLimit : Number(limit);
  const index = page === undefined ? 0 : Number(page);
  if (!Number.isInteger(size) || size < 1 || size > PAGE_MAX) return fault(1, `resultsLimit must be between 1 and ${PAGE_MAX}`);
  if (!Number.isInteger(index) || index < 0) return fault(1, 'resultsPage must be 0 or more (pages are numbered from 0)');
  const pages = Math.ceil(items.length / size);
  if (index >= pages) return fault(2, 'No results found');
  return { slice: items.slice(index * size, (index + 1) * size), pages };
}

export async function startIdoSellSandbox(options: IdoSellSandboxOptions = {}): Promise<IdoSellSandbox> {
  const apiKey = options.apiKey ?? 'idosell-sandbox-key-0001';
  const maxLogged = options.maxLoggedRequests ?? 100_000;
  let data = new IdoSellDataset(0);
  let quota = options.quota;
  let faults: Required<IdoSellFaults> = { faultRate: 0, serverErrorRate: 0, seed: 1 };
  let random = mulberry32(1);
  let counted = 0;
  const log: IdoSellLoggedRequest[] = [];

  function ordersSearch(params: Record<string, unknown>): Reply {
    const range = (params.ordersRange as { ordersDateRange?: Record<string, unknown> } | undefined)?.ordersDateRange;
    const type = range?.ordersDateType ?? 'add';
    if (type !== 'modified' && type !== 'add') return fault(1, `ordersDateType ${String(type)} is not served by the sandbox`);
    const begin = range?.ordersDateBegin ?? '0000-00-00 00:00:00';
    const end = range?.ordersDateEnd ?? '9999-12-31 23:59:59';
    if (!DATE.test(String(begin)) || !DATE.test(String(end))) return fault(1, 'dates must be YYYY-MM-DD HH:MM:SS');
    const matching = data.changedBetween(String(begin), String(end), type);
    const paged = pageOf(matching, params.resultsPage, params.resultsLimit, PAGE_MAX);
    if (Array.isArray(paged)) return paged;
    return [200, { resultsNumberAll: matching.length, resultsNumberPage: paged.pages, resultsPage: params.resultsPage ?? 0, resultsLimit: params.resultsLimit ?? PAGE_MAX, Results: paged.slice.map((order) => orderJson(order, data)) }];
  }

  function clients(url: URL): Reply {
    const ids = (url.searchParams.get('clientsIds') ?? '').split(',').filter(Boolean);
    if (ids.length > PAGE_MAX) return fault(1, `at most ${PAGE_MAX} clientsIds`);
    const found = ids.flatMap((id) => {
      const client = data.client(Number(id));
      return client ? [clientJson(client)] : [];
    });
    if (found.length === 0) return fault(2, 'No results found');
    return [200, { resultsNumberAll: found.length, resultsNumberPage: 1, results: found }];
  }

  function newsletter(params: Record<string, unknown>): Reply {
    const shops = Array.isArray(params.shops) ? (params.shops as Array<{ shop_id?: unknown; approval?: unknown; registered?: unknown }>) : [];
    const matching = data.subscribers
      .map((subscriber, index) => ({ subscriber, index }))
      .filter(({ subscriber }) =>
        shops.some((filter) => {
          const shop = subscriber.shops[Number(filter.shop_id) as ShopId];
          return shop && (filter.approval === undefined || filter.approval === shop.approval) && (filter.registered === undefined || filter.registered === subscriber.registered);
        }),
      );
    const paged = pageOf(matching, params.results_page, params.results_limit, PAGE_MAX);
    if (Array.isArray(paged)) return paged;
    return [200, { results_number_all: matching.length, results_number_page: paged.pages, clients: paged.slice.map(({ subscriber, index }) => subscriberJson(subscriber, index)) }];
  }

  function products(params: Record<string, unknown>): Reply {
    const wanted = Array.isArray(params.productParams) ? (params.productParams as Array<{ productId?: unknown }>).map((entry) => Number(entry.productId)) : [];
    if (wanted.length > PAGE_MAX) return fault(1, `at most ${PAGE_MAX} products per search`);
    const found = wanted.map(productJson).filter((product) => product !== undefined);
    if (found.length === 0) return fault(2, 'No results found');
    return [200, { results_number_all: found.length, results_number_page: 1, results: found }];
  }

  function route(method: string, gate: string, url: URL, body: unknown): Reply {
    const params = ((body as { params?: unknown } | undefined)?.params ?? {}) as Record<string, unknown>;
    if (method === 'POST' && gate === '/orders/orders/search') return ordersSearch(params);
    if (method === 'GET' && gate === '/clients/clients') return clients(url);
    if (method === 'POST' && gate === '/clients/newsletter/email/search') return newsletter(params);
    if (method === 'POST' && gate === '/products/products/search') return products(params);
    if (method === 'GET' && gate === '/products/categories') return [200, categoriesJson()];
    return [404, { errors: { faultCode: 404, faultString: `unknown gate ${method} ${gate}` } }];
  }

  function handle(req: http.IncomingMessage, url: URL, text: string): { reply: Reply; gate: string; version: string; body?: unknown } {
    const match = /^\/api\/admin\/v(\d+(?:\.\d+)?)(\/.*)$/.exec(url.pathname);
    if (!match) return { reply: [404, 'Not Found'], gate: url.pathname, version: '' };
    const [, version, gate] = match;
    if (req.headers['x-api-key'] !== apiKey) {
      return { reply: [401, { errors: { faultCode: 401, faultString: 'Authorization failed: wrong or missing X-API-KEY' } }], gate, version };
    }
    counted++;
    if (quota !== undefined && counted > quota) return { reply: fault('quota_exceeded', 'Monthly API request limit reached for this shop'), gate, version };
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      return { reply: [400, { errors: [{ message: 'body is not valid JSON' }] }], gate, version };
    }
    const roll = random();
    if (roll < faults.serverErrorRate) return { reply: [[500, 502, 503][Math.floor(random() * 3)], 'Internal Server Error'], gate, version, body };
    if (roll < faults.serverErrorRate + faults.faultRate) {
      // Both documented ways of a fault inside a 200, alternately.
      const reply: Reply = random() < 0.5 ? [200, { errors: [{ message: 'Temporary gate error (sandbox fault)' }] }] : [200, {}, { 'x-error': 'Temporary gate error (sandbox fault)' }];
      return { reply, gate, version, body };
    }
    return { reply: route(req.method ?? 'GET', gate, url, body), gate, version, body };
  }

  const server = await startTextServer(options.port ?? 0, (req, res, text) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const { reply, gate, version, body } = handle(req, url, text);
    const [status, payload, headers] = reply;
    const errors = (payload as { errors?: { faultString?: string } | Array<{ message?: string }> } | undefined)?.errors;
    const faultText = headers?.['x-error'] ?? (Array.isArray(errors) ? errors[0]?.message : errors?.faultString);
    if (log.length < maxLogged) log.push({ method: req.method ?? 'GET', gate, version, status, ...(faultText ? { fault: faultText } : {}), ...(body === undefined ? {} : { body }), ...(url.search ? { query: Object.fromEntries(url.searchParams) } : {}) });
    res.writeHead(status, { 'Content-Type': typeof payload === 'string' ? 'text/plain' : 'application/json', ...headers });
    res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
  });

  return {
    url: server.url,
    apiKey,
    close: () => server.close(),
    seed(orders, seed) {
      data = new IdoSellDataset(orders, seed);
      return data;
    },
    setFaults(next) {
      faults = { faultRate: next.faultRate ?? 0, serverErrorRate: next.serverErrorRate ?? 0, seed: next.seed ?? 1 };
      random = mulberry32(faults.seed);
    },
    setQuota(next) {
      quota = next;
    },
    state: {
      dataset: () => data,
      requests: () => log.slice(),
      requestCount: () => counted,
      clearRequests: () => {
        log.length = 0;
      },
    },
  };
}
