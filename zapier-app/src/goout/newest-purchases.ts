import type { GoOutPurchase } from '@ecomail-bridge/shared';

/** Newer first; purchases of the same moment by id, so every poll orders them the same way. */
function newerFirst(a: GoOutPurchase, b: GoOutPurchase): number {
  return Date.parse(b.purchasedAt) - Date.parse(a.purchasedAt) || b.purchaseId.localeCompare(a.purchaseId, 'en', { numeric: true });
}

/**
 * The `limit` newest purchases of a stream, newest first, holding at most twice `limit` in memory.
 * GoOut lists sales oldest first and has no "newest" order, so the whole stream is read.
 */
export async function newestPurchases(stream: AsyncIterable<GoOutPurchase>, limit: number): Promise<GoOutPurchase[]> {
  let kept: GoOutPurchase[] = [];
  for await (const purchase of stream) {
    kept.push(purchase);
    if (kept.length >= limit * 2) kept = kept.sort(newerFirst).slice(0, limit);
  }
  return kept.sort(newerFirst).slice(0, limit);
}
