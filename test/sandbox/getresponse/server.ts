import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultInjector } from '../ecomail/faults';
import { parseQuery, readBody, sendJson, type ParsedBody } from '../ecomail/http-io';
import { matchRoute } from '../ecomail/router';
import { startSandboxServer, type SandboxServer } from '../sandbox-server';
import { GetResponseError, errorBody } from './errors';
import { AccountLimits } from './limits';
import { apiRoutes } from './routes';
import type { ApiReply, SandboxSettings } from './routes/context';
import { applyDueImports } from './routes/imports';
import { inspectionRoutes } from './routes/inspection';
import { createSandboxState } from './state';
import { DEFAULT_CAMPAIGNS, DEFAULT_FIELDS, DEFAULT_IMPORTS, GetResponseStore } from './store';
import type { GetResponseSandbox, GetResponseSandboxOptions, SandboxCall } from './types';

const DEFAULT_API_KEYS = ['sandbox-gr-key'];
const API_PREFIX = '/v3';
const INSPECTION_PREFIX = '/__sandbox';
const DEFAULT_CREATE_DELAY_MS = 1000;

/** Starts an in-memory GetResponse API v3 on 127.0.0.1; behaviour notes in index.ts and at each route. */
export async function startGetResponseSandbox(options: GetResponseSandboxOptions = {}): Promise<GetResponseSandbox> {
  const apiKeys = options.apiKeys ?? DEFAULT_API_KEYS;
  if (apiKeys.length === 0) throw new RangeError('apiKeys must hold at least one key');
  const now = options.now ?? Date.now;
  const store = new GetResponseStore(options.campaigns ?? DEFAULT_CAMPAIGNS, options.customFields ?? DEFAULT_FIELDS);
  const campaignIds = [...store.campaigns.keys()];
  const faults = new FaultInjector(options.faults);
  const limits = new AccountLimits(options.rateLimit);
  const settings: SandboxSettings = { createDelayMs: options.createDelayMs ?? DEFAULT_CREATE_DELAY_MS, imports: { ...DEFAULT_IMPORTS, ...options.imports } };
  const state = createSandboxState(store, limits, settings, now, campaignIds[0]);
  const throttleSeconds = options.throttleResetSeconds ?? 1;
  let baseUrl = '';
  // Set before the first request can arrive: handlers run only once the server listens.
  let server: SandboxServer;

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, url: URL, body: ParsedBody) {
    const method = req.method ?? 'GET';
    const domain = typeof req.headers['x-domain'] === 'string' ? req.headers['x-domain'] : undefined;
    const call: SandboxCall = { method, path, query: parseQuery(url.searchParams), body: body.value, status: 0, ...(domain === undefined ? {} : { domain }), at: now() };
    store.calls.push(call);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      if (payload === undefined) res.writeHead(status, headers).end();
      else sendJson(res, status, payload, headers);
    };
    const refuse = (error: GetResponseError, headers?: Record<string, string>) => answer(error.status, errorBody(error), headers);

    // Faults come before any processing, auth included; latency after admission, so a slow
    // request counts as one in flight.
    const fault = faults.decide();
    if (fault.kind === 'reset') return void req.socket.destroy();
    if (fault.kind === 'error') return refuse(new GetResponseError(fault.status, 1000, 'Internal Server Error'));
    if (fault.kind === 'throttle') return refuse(throttle(limits.limit.requests, throttleSeconds), limits.throttled(throttleSeconds));

    const token = typeof req.headers['x-auth-token'] === 'string' ? req.headers['x-auth-token'] : '';
    const key = /^api-key (.+)$/.exec(token)?.[1];
    if (!key || !apiKeys.includes(key)) return refuse(new GetResponseError(401, 1014, 'Unable to authenticate request. Check credentials or authentication method details'));
    if (options.enterpriseDomain !== undefined && domain !== options.enterpriseDomain) {
      return refuse(new GetResponseError(401, 1014, 'Unable to authenticate request: a MAX account needs its domain in X-Domain'));
    }
    // Other plans must not send X-Domain (docs/getresponse.md §1); the real answer is not documented [A].
    if (options.enterpriseDomain === undefined && domain !== undefined) {
      return refuse(new GetResponseError(403, 1018, 'X-Domain is only for GetResponse MAX accounts'));
    }

    const admission = limits.begin(key, now());
    if (!admission.admitted) return refuse(throttle(Number(admission.headers['X-RateLimit-Limit']), Number(admission.headers['X-RateLimit-Reset'])), admission.headers);
    res.once('close', () => limits.end(key));
    const rateHeaders = admission.headers;
    if (faults.config.latencyMs > 0) await server.delay(faults.config.latencyMs);

    if (body.tooLarge) return refuse(new GetResponseError(413, 1000, 'Request body too large'), rateHeaders);
    if (body.malformed) return refuse(new GetResponseError(400, 1000, 'The request body is not valid JSON'), rateHeaders);
    if (method === 'POST' && !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(new GetResponseError(400, 1000, 'POST needs Content-Type: application/json'), rateHeaders);
    }
    applyDueImports(store, now(), settings.imports);
    const match = matchRoute(apiRoutes, method, path);
    if (!match) return refuse(new GetResponseError(404, 1013, 'Not Found'), rateHeaders);
    const reply = run(() => match.handler({ params: match.params, query: call.query, body: body.value, store, settings, now: now(), baseUrl }));
    answer(reply.status ?? 200, reply.body, { ...rateHeaders, ...reply.headers });
  }

  function handleInspection(req: IncomingMessage, res: ServerResponse, path: string, body: ParsedBody) {
    const match = matchRoute(inspectionRoutes, req.method ?? 'GET', path);
    if (!match) return sendJson(res, 404, { message: 'Not Found' });
    if (body.malformed) return sendJson(res, 400, { message: 'The request body is not valid JSON.' });
    applyDueImports(store, now(), settings.imports);
    const reply = run(() => match.handler({ params: match.params, body: body.value, state, store, faults, limits, settings, campaignIds }));
    sendJson(res, reply.status ?? 200, reply.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const full = url.pathname.replace(/\/+$/, '') || '/';
    const body = await readBody(req);
    if (full === INSPECTION_PREFIX || full.startsWith(`${INSPECTION_PREFIX}/`)) return handleInspection(req, res, full, body);
    if (full !== API_PREFIX && !full.startsWith(`${API_PREFIX}/`)) return sendJson(res, 404, errorBody(new GetResponseError(404, 1013, 'Not Found: the API lives under /v3')));
    await handleApi(req, res, full.slice(API_PREFIX.length) || '/', url, body);
  }

  server = await startSandboxServer(options.port ?? 0, handle);
  baseUrl = server.url;

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}${API_PREFIX}`,
    apiKey: apiKeys[0],
    campaignIds,
    state,
    setFaults: (partial) => faults.set(partial),
    setRateLimit: (partial) => limits.set(partial),
    setCreateDelay: (ms) => {
      settings.createDelayMs = ms;
    },
    setImportConfig: (config) => Object.assign(settings.imports, config),
    loseRaceFor: (email, campaignId = campaignIds[0]) => store.races.add(`${email.trim().toLowerCase()}\u0000${campaignId}`),
    close: () => server.close(),
  };
}

/** A 429 as GetResponse sends it: code 1015, the limit and the seconds to its reset in `context` (§6). */
function throttle(currentLimit: number, timeToReset: number): GetResponseError {
  return new GetResponseError(429, 1015, 'The throttling limit has been reached', { currentLimit, timeToReset });
}

/** GetResponseError → its status and GetResponse's error body; anything else → 500 with the text. */
function run(handler: () => ApiReply): ApiReply {
  try {
    return handler();
  } catch (error) {
    if (error instanceof GetResponseError) return { status: error.status, body: errorBody(error) };
    return { status: 500, body: { message: `Sandbox internal error: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
