import { notFound } from '../errors';
import { route } from '../router';
import type { Pipeline } from '../store';
import { readEmail } from '../validation';
import { bodyObject, type ApiHandler, type RouteContext } from './context';

function requirePipeline(ctx: RouteContext): Pipeline {
  const pipeline = ctx.store.pipelines.find((p) => p.id === Number(ctx.params.id));
  if (!pipeline) throw notFound('Pipeline not found.');
  return pipeline;
}

/** GET /pipelines: a bare array, one of the shapes seen in the wild (docs/ecomail-api.md §8). */
function allPipelines(ctx: RouteContext) {
  return { body: ctx.store.pipelines.map((p) => ({ ...p })) };
}

function showPipeline(ctx: RouteContext) {
  return { body: { ...requirePipeline(ctx) } };
}

/** POST /pipelines/{id}/trigger {email}: reply and unknown-email behaviour are unknown [U]; 404 chosen. */
function triggerPipeline(ctx: RouteContext) {
  const pipeline = requirePipeline(ctx);
  const email = readEmail(bodyObject(ctx).email);
  if (!ctx.store.contacts.has(email)) throw notFound('Subscriber not found.');
  ctx.store.pipelineTriggers.push({ pipelineId: pipeline.id, email, at: ctx.now });
  return { body: {} };
}

export const pipelineRoutes = [
  route<ApiHandler>('GET', '/pipelines', allPipelines),
  route<ApiHandler>('GET', '/pipelines/:id', showPipeline),
  route<ApiHandler>('POST', '/pipelines/:id/trigger', triggerPipeline),
];
