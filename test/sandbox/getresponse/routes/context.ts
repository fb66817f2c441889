import type { Query } from '../../ecomail/http-io';
import { notFound } from '../errors';
import type { GetResponseStore, StoredContact } from '../store';
import type { ImportConfig } from '../types';
import { isRecord } from '../validation';

export interface SandboxSettings {
  createDelayMs: number;
  imports: ImportConfig;
}

export interface RouteContext {
  params: Record<string, string>;
  query: Query;
  body: unknown;
  store: GetResponseStore;
  settings: SandboxSettings;
  now: number;
  /** 'http://127.0.0.1:PORT', for hrefs. */
  baseUrl: string;
}

export interface ApiReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler = (ctx: RouteContext) => ApiReply;

export function bodyObject(ctx: RouteContext): Record<string, unknown> {
  return isRecord(ctx.body) ? ctx.body : {};
}

export function queryText(ctx: RouteContext, key: string): string | undefined {
  const value = ctx.query[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * One page of a listing: `page` from 1, `perPage` 1–1000 (default 100; out-of-range values are
 * clamped, as GetResponse accepts them), headers TotalCount / TotalPages / CurrentPage (§5).
 */
export function paged<T>(ctx: RouteContext, rows: readonly T[]): ApiReply {
  const perPage = Math.min(1000, Math.max(1, Math.floor(Number(queryText(ctx, 'perPage') ?? 100)) || 100));
  const page = Math.max(1, Math.floor(Number(queryText(ctx, 'page') ?? 1)) || 1);
  const totalPages = Math.max(1, Math.ceil(rows.length / perPage));
  return {
    body: rows.slice((page - 1) * perPage, page * perPage),
    headers: { TotalCount: String(rows.length), TotalPages: String(totalPages), CurrentPage: String(page) },
  };
}

/** A contact by id; one still queued does not exist yet for the API. */
export function requireContact(ctx: RouteContext): StoredContact {
  const contact = ctx.store.contacts.get(ctx.params.id);
  if (!contact || ctx.now < contact.visibleAt) throw notFound('Contact');
  return contact;
}
