import type { ZObject } from 'zapier-platform-core';

/** z.cache's runtime signature (core 19.1.0 src/tools/create-cache.js); its .d.ts omits `scope` on get. */
interface ScopedCache {
  get(key: string, scope: string[]): Promise<unknown>;
  set(key: string, value: unknown, ttl: number | undefined, scope: string[]): Promise<unknown>;
}

/** z.cache limited to this connection (`auth`): one user's Zaps never see another's entries. */
export function connectionCache(z: ZObject) {
  const cache = z.cache as unknown as ScopedCache;
  return {
    get: async (key: string): Promise<unknown> => (await cache.get(key, ['auth'])) ?? undefined,
    set: async (key: string, value: unknown, ttlSeconds?: number): Promise<void> => {
      await cache.set(key, value, ttlSeconds, ['auth']);
    },
  };
}
