import { ApiError, notFound } from '../errors';
import type { FaultInjector } from '../faults';
import { unsubscribeMember } from '../members';
import type { SlidingWindowLimiter } from '../rate-limit';
import { route } from '../router';
import type { EcomailStore } from '../store';
import type { FaultConfig, RateLimitConfig, SandboxState } from '../types';
import { isRecord, readEmail } from '../validation';
import { unsubscribeView } from '../views';
import type { ListWebhook } from '../webhook';
import type { ApiReply } from './context';

/** What the unauthenticated /__sandbox/* routes may read and change. */
export interface InspectionContext {
  params: Record<string, string>;
  body: unknown;
  state: SandboxState;
  store: EcomailStore;
  faults: FaultInjector;
  limiter: SlidingWindowLimiter;
  webhook: ListWebhook;
  now: number;
}

type InspectionHandler = (ctx: InspectionContext) => ApiReply;

function contact(ctx: InspectionContext) {
  const found = ctx.state.contact(ctx.params.email);
  if (!found) throw notFound('Subscriber not found.');
  return { body: found };
}

function reset(ctx: InspectionContext) {
  ctx.state.reset();
  return { body: { reset: true } };
}

function setFaults(ctx: InspectionContext) {
  if (!isRecord(ctx.body)) throw new ApiError(400, 'Send a JSON object with FaultConfig keys.');
  try {
    ctx.faults.set(ctx.body as Partial<FaultConfig>);
  } catch (error) {
    throw new ApiError(400, error instanceof Error ? error.message : 'Invalid fault config.');
  }
  return { body: ctx.faults.config };
}

function setRateLimit(ctx: InspectionContext) {
  const body = isRecord(ctx.body) ? ctx.body : {};
  try {
    ctx.limiter.set({ requests: body.requests, windowMs: body.windowMs } as RateLimitConfig);
  } catch (error) {
    throw new ApiError(400, error instanceof Error ? error.message : 'Invalid rate limit.');
  }
  return { body: { requests: body.requests, windowMs: body.windowMs } };
}

/**
 * Unsubscribe "via the e-mail link": unlike DELETE /lists/{id}/unsubscribe this fires the list
 * webhook (docs/ecomail-api.md §9.1), so webhook-driven triggers can be tested.
 */
function simulateUnsubscribe(ctx: InspectionContext) {
  const list = ctx.store.lists.get(Number(ctx.params.id));
  if (!list) throw notFound('List not found.');
  const email = readEmail(isRecord(ctx.body) ? ctx.body.email : undefined);
  const wasUnsubscribed = ctx.store.contacts.get(email)?.lists[list.id]?.status === 2;
  const unsubscribed = unsubscribeMember(ctx.store, list, email, ctx.now);
  if (!wasUnsubscribed) ctx.webhook.notify({ email, status: 'UNSUBSCRIBED', listId: list.id });
  return { body: unsubscribeView(unsubscribed, unsubscribed.lists[list.id]) };
}

/** Inspection over HTTP, without auth and never faulted, for n8n runs and shells. */
export const inspectionRoutes = [
  route<InspectionHandler>('GET', '/__sandbox/lists', (ctx) => ({ body: structuredClone([...ctx.store.lists.values()]) })),
  route<InspectionHandler>('GET', '/__sandbox/contacts', (ctx) => ({ body: ctx.state.contacts() })),
  route<InspectionHandler>('GET', '/__sandbox/contacts/:email', contact),
  route<InspectionHandler>('GET', '/__sandbox/calls', (ctx) => ({ body: ctx.state.calls() })),
  route<InspectionHandler>('GET', '/__sandbox/events', (ctx) => ({ body: ctx.state.events() })),
  route<InspectionHandler>('GET', '/__sandbox/transactions', (ctx) => ({ body: ctx.state.transactions() })),
  route<InspectionHandler>('GET', '/__sandbox/pipeline-triggers', (ctx) => ({ body: ctx.state.pipelineTriggers() })),
  route<InspectionHandler>('GET', '/__sandbox/faults', (ctx) => ({ body: ctx.faults.config })),
  route<InspectionHandler>('POST', '/__sandbox/faults', setFaults),
  route<InspectionHandler>('POST', '/__sandbox/rate-limit', setRateLimit),
  route<InspectionHandler>('POST', '/__sandbox/reset', reset),
  route<InspectionHandler>('POST', '/__sandbox/lists/:id/simulate-unsubscribe', simulateUnsubscribe),
];
