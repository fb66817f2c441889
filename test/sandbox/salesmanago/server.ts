/**
 * A SALESmanago API v2 look-alike on 127.0.0.1 (docs/salesmanago.md): every call a POST with the
 * auth fields in the JSON body, answers `success: false` on HTTP 200 for refusals (credentials
 * included), packages capped at 400 contacts, event field caps enforced, tags only added or
 * removed by name, opt-in / opt-out flags, external events updated through their eventId, and fault
 * knobs (5xx, resets, 429 without any rate header, throttling or a passing failure inside a 200).
 * Inspection without auth and never faulted under /__sandbox/*.
 */
import type http from 'node:http';
import { SlidingWindowLimiter } from '../ecomail/rate-limit';
import { matchRoute, route } from '../ecomail/router';
import { createLatency } from '../latency';
import { startTextServer } from '../text-server';
import { API_ROUTES } from './api';
import { authProblem } from './auth';
import { SalesManagoFaultInjector } from './faults';
import { Refusal, readEmail, SalesManagoStore } from './store';
import type { SalesManagoAccount, SalesManagoSandbox, SalesManagoSandboxOptions, SandboxCall } from './types';

const DEFAULT_ACCOUNT: SalesManagoAccount = { clientId: 'sandbox-client', apiSecret: 'sandbox-secret', owner: 'owner@sandbox.example' };
const DEFAULT_MAX_SKEW_MS = 10 * 60_000;

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

function parseJson(text: string): { value?: unknown; malformed: boolean } {
  if (text.trim() === '') return { malformed: false };
  try {
    return { value: JSON.parse(text) as unknown, malformed: false };
  } catch {
    return { malformed: true };
  }
}

export async function startSalesManagoSandbox(options: SalesManagoSandboxOptions = {}): Promise<SalesManagoSandbox> {
  const now = options.now ?? Date.now;
  const account: SalesManagoAccount = { ...DEFAULT_ACCOUNT, ...options.account };
  const store = new SalesManagoStore(now);
  const faults = new SalesManagoFaultInjector(options.faults);
  const limiter = options.rateLimit ? new SlidingWindowLimiter(options.rateLimit) : undefined;
  const maxSkewMs = options.maxClockSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const latency = createLatency();

  const sandbox = {
    account,
    state: {
      contacts: () => structuredClone([...store.contacts.values()]),
      contact: (email: string) => structuredClone(store.contacts.get(email.trim().toLowerCase())),
      events: () => structuredClone([...store.events.values()]),
      calls: () => structuredClone(store.calls),
      reset: () => {
        store.reset();
        limiter?.reset();
      },
    },
    setFaults: (partial) => faults.set(partial),
    block: (emails) => emails.forEach((email) => store.blocked.add(email.trim().toLowerCase())),
    rotateSecret: (apiSecret) => {
      account.apiSecret = apiSecret;
    },
    optOut: (email) => {
      const contact = store.contacts.get(email.trim().toLowerCase());
      if (!contact) throw new Refusal([`Contact ${email} not found`]);
      contact.emailConsent = 'opted-out';
    },
  } satisfies Omit<SalesManagoSandbox, 'url' | 'close'>;

  async function api(req: http.IncomingMessage, res: http.ServerResponse, path: string, text: string): Promise<void> {
    const { value, malformed } = parseJson(text);
    const call: SandboxCall = { path, body: value ?? text, status: 0, at: now() };
    store.calls.push(call);
    const answer = (status: number, body: Record<string, unknown>) => {
      call.status = status;
      if (typeof body.success === 'boolean') {
        call.success = body.success;
        call.message = body.message as string[];
      }
      send(res, status, body);
    };
    const refuse = (messages: string[]) => answer(200, { success: false, message: messages });

    if (faults.config.latencyMs > 0) await latency.delay(faults.config.latencyMs);
    const fault = faults.decide();
    if (fault.kind === 'reset') return void req.socket.destroy();
    if (fault.kind === 'error') return answer(fault.status, { message: 'Server Error' });
    // No Retry-After, no X-RateLimit-*: SALESmanago publishes no limits (docs/salesmanago.md §9).
    if (fault.kind === 'throttle') return answer(429, { message: 'Too Many Requests' });
    if (fault.kind === 'busy') return refuse(['Too many requests']);
    if (fault.kind === 'failure') return refuse(['Temporary problem, please try again later']);

    if (req.method !== 'POST') return answer(405, { success: false, message: ['Only POST is supported'] });
    if (malformed || typeof value !== 'object' || value === null || Array.isArray(value)) return answer(400, { success: false, message: ['The body must be a JSON object'] });
    const body = value as Record<string, unknown>;
    const problem = authProblem(body, account, now(), maxSkewMs);
    if (problem) return refuse(problem);
    if (limiter && limiter.take(account.clientId, now()) > 0) return answer(429, { message: 'Too Many Requests' });
    const handler = API_ROUTES[path];
    if (!handler) return answer(404, { success: false, message: [`No API method ${path}`] });
    try {
      answer(200, { success: true, message: [], ...handler(body, store, account) });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refuse(error.messages);
    }
  }

  const server = await startTextServer(options.port ?? 0, (req, res, text) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '') || '/';
    if (path === '/__sandbox' || path.startsWith('/__sandbox/')) return inspect(req, res, path, text);
    api(req, res, path, text).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      send(res, 500, { message: `sandbox internal error: ${error instanceof Error ? error.message : String(error)}` });
    });
  });

  type Inspect = (params: Record<string, string>, body: Record<string, unknown>) => unknown;
  const inspection = [
    route<Inspect>('GET', '/__sandbox/contacts', () => sandbox.state.contacts()),
    route<Inspect>('GET', '/__sandbox/contacts/:email', (params) => sandbox.state.contact(params.email) ?? null),
    route<Inspect>('GET', '/__sandbox/events', () => sandbox.state.events()),
    route<Inspect>('GET', '/__sandbox/calls', () => sandbox.state.calls()),
    route<Inspect>('GET', '/__sandbox/faults', () => faults.config),
    route<Inspect>('POST', '/__sandbox/faults', (_, body) => (faults.set(body), faults.config)),
    route<Inspect>('POST', '/__sandbox/reset', () => (sandbox.state.reset(), { reset: true })),
    route<Inspect>('POST', '/__sandbox/block', (_, body) => (sandbox.block((body.emails as string[]) ?? []), { blocked: [...store.blocked] })),
    route<Inspect>('POST', '/__sandbox/secret', (_, body) => (sandbox.rotateSecret(String(body.apiSecret)), { rotated: true })),
    route<Inspect>('POST', '/__sandbox/contacts/:email/opt-out', (params) => (sandbox.optOut(readEmail(params.email)), sandbox.state.contact(params.email))),
  ];

  function inspect(req: http.IncomingMessage, res: http.ServerResponse, path: string, text: string): void {
    const match = matchRoute(inspection, req.method ?? 'GET', path);
    if (!match) return send(res, 404, { message: 'Not Found' });
    const { value, malformed } = parseJson(text);
    if (malformed) return send(res, 400, { message: 'The body is not valid JSON.' });
    try {
      send(res, 200, match.handler(match.params, (value ?? {}) as Record<string, unknown>));
    } catch (error) {
      send(res, 400, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  return {
    ...sandbox,
    url: server.url,
    close: () => {
      latency.clear();
      return server.close();
    },
  };
}
