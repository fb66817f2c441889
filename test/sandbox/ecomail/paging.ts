import { validationError } from './errors';
import type { Query } from './http-io';

export interface PageOptions {
  defaultPerPage: number;
  maxPerPage: number;
}

/** Laravel paginator keys (docs/ecomail-api.md §1): current_page, last_page, per_page, total, from, to, *_page_url, data. */
export function paginate<T>(items: T[], query: Query, pageUrl: string, options: PageOptions): Record<string, unknown> {
  const page = readPositiveInt(query.page, 'page') ?? 1;
  const perPage = Math.min(readPositiveInt(query.per_page, 'per_page') ?? options.defaultPerPage, options.maxPerPage);
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const start = (page - 1) * perPage;
  const data = items.slice(start, start + perPage);
  const link = (n: number) => `${pageUrl}?page=${n}&per_page=${perPage}`;
  return {
    current_page: page,
    last_page: lastPage,
    per_page: perPage,
    total,
    from: data.length ? start + 1 : null,
    to: data.length ? start + data.length : null,
    next_page_url: page < lastPage ? link(page + 1) : null,
    prev_page_url: page > 1 ? link(page - 1) : null,
    data,
  };
}

function readPositiveInt(raw: string | string[] | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  if (!Number.isInteger(value) || value < 1) throw validationError(name, `The ${name} must be a positive integer.`);
  return value;
}
