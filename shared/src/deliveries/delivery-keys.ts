/**
 * What makes a repeated webhook delivery recognisable in a store of processed keys that knows no
 * time (n8n's deduplication store, docs/n8n-platform.md §11.6): the change's identity, stamped with
 * the time bucket it was received in and, as a second key, the bucket before. A repeat received
 * less than one window after the first delivery always shares a key with it; after two windows
 * never, so a real change that happens to look the same later is written again.
 */
export function deliveryKeys(identity: string, receivedAtMs: number, windowMs: number): string[] {
  const bucket = Math.floor(receivedAtMs / windowMs);
  return [`${identity}|${bucket}`, `${identity}|${bucket - 1}`];
}

/** Field of a trigger's output record that carries its delivery keys to the nodes that write. */
export const DELIVERY_KEYS_FIELD = 'deliveryKeys';

/** The delivery keys a record carries, or undefined when it has none (not from our triggers). */
export function deliveryKeysOf(record: unknown): string[] | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const keys = (record as Record<string, unknown>)[DELIVERY_KEYS_FIELD];
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => typeof key === 'string' && key !== '')) return undefined;
  return keys as string[];
}
