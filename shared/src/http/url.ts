import type { QueryValue } from '../ports';

/**
 * Appends a query string. Arrays repeat the key with `[]` (`saleIds[]=1&saleIds[]=2`), the form
 * GoOut expects; undefined values are left out. Every transport adapter uses this one function so
 * the wire format is the same on n8n, Zapier and Node.
 */
export function buildUrl(url: string, query?: Record<string, QueryValue | undefined>): string {
  if (!query) return url;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const v of value as ReadonlyArray<string | number>) {
        parts.push(`${encodeURIComponent(key)}[]=${encodeURIComponent(String(v))}`);
      }
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  }
  if (parts.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}`;
}

/** Joins a base URL and a path without doubling or dropping the slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
