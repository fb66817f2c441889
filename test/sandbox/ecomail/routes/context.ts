import { notFound } from '../errors';
import type { Query } from '../http-io';
import type { EcomailStore, StoredList } from '../store';
import { isRecord } from '../validation';
import type { ListWebhook } from '../webhook';

export interface RouteContext {
  params: Record<string, string>;
  query: Query;
  body: unknown;
  store: EcomailStore;
  webhook: ListWebhook;
  /** 'http://127.0.0.1:PORT', for the paginator's page URLs. */
  baseUrl: string;
  now: number;
}

export interface ApiReply {
  status?: number;
  body: unknown;
}

export type ApiHandler = (ctx: RouteContext) => ApiReply;

export function requireList(ctx: RouteContext): StoredList {
  const list = ctx.store.lists.get(Number(ctx.params.id));
  if (!list) throw notFound('List not found.');
  return list;
}

/** The JSON body as an object; a missing or non-object body reads as empty. */
export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  return isRecord(ctx.body) ? ctx.body : {};
}

/** Boolean flags arrive as true/false, 1/0 or "true"/"false" from various clients. */
export function readFlag(body: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  return value === true || value === 1 || value === '1' || value === 'true';
}
