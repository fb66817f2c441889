import type { LruCache } from '../goout/lru-cache';
import { IDS_PER_CALL } from './assumed-contract';

/**
 * Looks up the ids `cache` does not hold yet, up to 100 in one call, and caches the answers; an
 * id the shop did not return is cached as `notFound`, so it is not asked for again. Returns the
 * number of calls made.
 */
export async function lookUpMissing<V>(
  cache: LruCache<string, V>,
  ids: Iterable<string>,
  notFound: V,
  fetch: (chunk: string[]) => Promise<Iterable<[id: string, value: V]>>,
): Promise<number> {
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  let calls = 0;
  for (let start = 0; start < missing.length; start += IDS_PER_CALL) {
    const chunk = missing.slice(start, start + IDS_PER_CALL);
    calls++;
    for (const [id, value] of await fetch(chunk)) cache.set(id, value);
    for (const id of chunk) if (!cache.has(id)) cache.set(id, notFound);
  }
  return calls;
}
