import type { GoOutPurchase } from '@ecomail-bridge/shared';
import { newestOf } from '../platform/newest';

/** Newer first; purchases of the same moment by id, so every poll orders them the same way. */
function newerFirst(a: GoOutPurchase, b: GoOutPurchase): number {
  return Date.parse(b.purchasedAt) - Date.parse(a.purchasedAt) || b.purchaseId.localeCompare(a.purchaseId, 'en', { numeric: true });
}

/** The `limit` newest purchases of a stream, newest first. GoOut lists sales oldest first, so the whole stream is read. */
export function newestPurchases(stream: AsyncIterable<GoOutPurchase>, limit: number): Promise<GoOutPurchase[]> {
  return newestOf(stream, limit, newerFirst);
}
