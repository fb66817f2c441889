import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './errors';
import { FaultInjector } from './faults';
import { parseQuery, readBody, sendJson, type ParsedBody } from './http-io';
import { SlidingWindowLimiter } from './rate-limit';
import { matchRoute } from './router';
import { startSandboxServer, type SandboxServer } from '../sandbox-server';
import type { ApiReply } from './routes/context';
import { apiRoutes } from './routes';
import { inspectionRoutes, type InspectionContext } from './routes/inspection';
import { createSandboxState } from './state';
import { EcomailStore } from './store';
import type { EcomailSandbox, EcomailSandboxOptions, SandboxCall } from './types';
import { ListWebhook } from './webhook';

/** The real limit (docs/ecomail-api.md §1): 1,000 requests per minute per API key. */
const DEFAULT_RATE_LIMIT = { requests: 1000, windowMs: 60_000 };
const DEFAULT_API_KEYS = ['sandbox-key'];
/** Retry-After of injected throttles when no override is given (they have no real window). */
const THROTTLE_FAULT_RETRY_AFTER_SECONDS = 1;
const INSPECTION_PREFIX = '/__sandbox';

/** Starts an in-memory Ecomail API v2 on 127.0.0.1; behaviour notes in index.ts and at each route. */
export async function startEcomailSandbox(options: EcomailSandboxOptions = {}): Promise<EcomailSandbox> {
  const apiKeys = options.apiKeys ?? DEFAULT_API_KEYS;
  const now = options.now ?? Date.now;
  if (apiKeys.length === 0) throw new RangeError('apiKeys must hold at least one key');
  const store = new EcomailStore(options.lists);
  const faults = new FaultInjector(options.faults);
  const limiter = new SlidingWindowLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const webhook = new ListWebhook(options.listWebhookUrl);
  const state = createSandboxState(store, limiter);
  let baseUrl = '';
  // Set before the first request can arrive: handlers run only once the server listens.
  let server: SandboxServer;

  const retryAfter = (fallbackSeconds: number) => String(options.retryAfterSeconds ?? fallbackSeconds);


  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, url: URL, body: ParsedBody) {
    const method = req.method ?? 'GET';
    const call: SandboxCall = { method, path, query: parseQuery(url.searchParams), body: body.value, status: 0, at: now() };
    store.calls.push(call);
    const answer = (status: number, payload: unknown, headers?: Record<string, string>) => {
      call.status = status;
      sendJson(res, status, payload, headers);
    };

    // Faults come before any processing, auth included.
    const { latencyMs } = faults.config;
    if (latencyMs > 0) await server.delay(latencyMs);
    const fault = faults.decide();
    if (fault.kind === 'reset') return void req.socket.destroy();
    if (fault.kind === 'error') return answer(fault.status, { message: 'Server Error' });
    if (fault.kind === 'throttle') {
      return answer(429, { message: 'Too Many Requests' }, { 'retry-after': retryAfter(THROTTLE_FAULT_RETRY_AFTER_SECONDS) });
    }

    // Node lower-cases header names, so `Key:` and `KEY:` arrive as `key`.
    const key = req.headers.key;
    if (typeof key !== 'string' || !apiKeys.includes(key)) return answer(401, { message: 'Unauthorized' });
    const waitMs = limiter.take(key, now());
    if (waitMs > 0) {
      return answer(429, { message: 'Too Many Requests' }, { 'retry-after': retryAfter(Math.ceil(waitMs / 1000)) });
    }

    if (body.tooLarge) return answer(413, { message: 'Payload Too Large' });
    if (body.malformed) return answer(400, { message: 'The request body is not valid JSON.' });
    const match = matchRoute(apiRoutes, method, path);
    if (!match) return answer(404, { message: 'Not Found' });
    const reply = runHandler(() =>
      match.handler({ params: match.params, query: call.query, body: body.value, store, webhook, baseUrl, now: now() }),
    );
    answer(reply.status ?? 200, reply.body);
  }

  function handleInspection(req: IncomingMessage, res: ServerResponse, path: string, body: ParsedBody) {
    const match = matchRoute(inspectionRoutes, req.method ?? 'GET', path);
    if (!match) return sendJson(res, 404, { message: 'Not Found' });
    if (body.malformed) return sendJson(res, 400, { message: 'The request body is not valid JSON.' });
    const ctx: InspectionContext = { params: match.params, body: body.value, state, store, faults, limiter, webhook, now: now() };
    const reply = runHandler(() => match.handler(ctx));
    sendJson(res, reply.status ?? 200, reply.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const body = await readBody(req);
    if (path === INSPECTION_PREFIX || path.startsWith(`${INSPECTION_PREFIX}/`)) return handleInspection(req, res, path, body);
    await handleApi(req, res, path, url, body);
  }

  server = await startSandboxServer(options.port ?? 0, handle, () => webhook.close());
  baseUrl = server.url;

  return {
    url: baseUrl,
    apiKey: apiKeys[0],
    state,
    setFaults: (partial) => faults.set(partial),
    setRateLimit: (rateLimit) => limiter.set(rateLimit),
    close: () => server.close(),
  };
}

/** ApiError → its status and `{message, errors?}`; anything else → 500 with the error text. */
function runHandler(handler: () => ApiReply): ApiReply {
  try {
    return handler();
  } catch (error) {
    if (error instanceof ApiError) {
      return { status: error.status, body: error.errors === undefined ? { message: error.message } : { message: error.message, errors: error.errors } };
    }
    return { status: 500, body: { message: `Sandbox internal error: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
