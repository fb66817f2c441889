import type { FaultInjector } from '../../ecomail/faults';
import { route } from '../../ecomail/router';
import { GetResponseError, invalid } from '../errors';
import type { AccountLimits } from '../limits';
import type { GetResponseStore } from '../store';
import type { FaultConfig, GetResponseRateLimit, GetResponseSandboxState, ImportConfig } from '../types';
import { isRecord, readEmail } from '../validation';
import type { SandboxSettings } from './context';

/** What the unauthenticated /__sandbox/* routes may read and change. */
export interface InspectionContext {
  params: Record<string, string>;
  body: unknown;
  state: GetResponseSandboxState;
  store: GetResponseStore;
  faults: FaultInjector;
  limits: AccountLimits;
  settings: SandboxSettings;
  campaignIds: string[];
}

interface Reply {
  status?: number;
  body?: unknown;
}

type InspectionHandler = (ctx: InspectionContext) => Reply;

function object(ctx: InspectionContext): Record<string, unknown> {
  if (!isRecord(ctx.body)) throw invalid('body', 'Send a JSON object');
  return ctx.body;
}

/** Runs a setter and turns its RangeError into a 400 the caller can read. */
function applying(change: () => void, show: () => unknown): Reply {
  try {
    change();
  } catch (error) {
    throw new GetResponseError(400, 1000, error instanceof Error ? error.message : 'Invalid value');
  }
  return { body: show() };
}

function setImportConfig(ctx: InspectionContext): Reply {
  const body = object(ctx) as Partial<ImportConfig>;
  return applying(
    () => {
      for (const key of ['delayMs', 'dailyLimit', 'incompleteStatisticsPolls'] as const) {
        if (body[key] !== undefined && !(Number.isInteger(body[key]) && (body[key] as number) >= 0)) throw new RangeError(`${key} must be a whole number`);
      }
      Object.assign(ctx.settings.imports, body);
    },
    () => ctx.settings.imports,
  );
}

/** Inspection and fault control over HTTP, without auth and never faulted, for shells and people. */
export const inspectionRoutes = [
  route<InspectionHandler>('GET', '/__sandbox/campaigns', (ctx) => ({ body: [...ctx.store.campaigns.values()] })),
  route<InspectionHandler>('GET', '/__sandbox/tags', (ctx) => ({ body: ctx.state.tags() })),
  route<InspectionHandler>('GET', '/__sandbox/custom-fields', (ctx) => ({ body: ctx.state.customFields() })),
  route<InspectionHandler>('GET', '/__sandbox/contacts', (ctx) => ({ body: ctx.state.contacts() })),
  route<InspectionHandler>('GET', '/__sandbox/contacts/:email', (ctx) => {
    const email = readEmail(ctx.params.email);
    return { body: ctx.state.contacts().filter((contact) => contact.email === email) };
  }),
  route<InspectionHandler>('GET', '/__sandbox/imports', (ctx) => ({ body: ctx.state.imports() })),
  route<InspectionHandler>('GET', '/__sandbox/calls', (ctx) => ({ body: ctx.state.calls() })),
  route<InspectionHandler>('GET', '/__sandbox/faults', (ctx) => ({ body: ctx.faults.config })),
  route<InspectionHandler>('POST', '/__sandbox/faults', (ctx) => applying(() => ctx.faults.set(object(ctx) as Partial<FaultConfig>), () => ctx.faults.config)),
  route<InspectionHandler>('POST', '/__sandbox/rate-limit', (ctx) => applying(() => ctx.limits.set(object(ctx) as Partial<GetResponseRateLimit>), () => ctx.limits.limit)),
  route<InspectionHandler>('POST', '/__sandbox/queue', (ctx) =>
    applying(
      () => {
        const delay = object(ctx).createDelayMs;
        if (!(typeof delay === 'number' && Number.isInteger(delay) && delay >= 0)) throw new RangeError('createDelayMs must be a whole number of milliseconds');
        ctx.settings.createDelayMs = delay;
      },
      () => ({ createDelayMs: ctx.settings.createDelayMs }),
    ),
  ),
  route<InspectionHandler>('POST', '/__sandbox/imports-config', setImportConfig),
  route<InspectionHandler>('POST', '/__sandbox/race', (ctx) => {
    const body = object(ctx);
    const email = readEmail(body.email);
    const campaignId = typeof body.campaignId === 'string' ? body.campaignId : ctx.campaignIds[0];
    ctx.store.races.add(`${email}\u0000${campaignId}`);
    return { body: { email, campaignId } };
  }),
  route<InspectionHandler>('POST', '/__sandbox/flush', (ctx) => {
    ctx.state.flush();
    return { body: { flushed: true } };
  }),
  route<InspectionHandler>('POST', '/__sandbox/reset', (ctx) => {
    ctx.state.reset();
    return { body: { reset: true } };
  }),
];
