/**
 * The `limit` first items of a stream in `order` (newest first for the polling triggers), holding
 * at most twice `limit` in memory: the sources list oldest first and have no "newest" order.
 */
export async function newestOf<T>(stream: AsyncIterable<T>, limit: number, order: (a: T, b: T) => number): Promise<T[]> {
  let kept: T[] = [];
  for await (const item of stream) {
    kept.push(item);
    if (kept.length >= limit * 2) kept = kept.sort(order).slice(0, limit);
  }
  return kept.sort(order).slice(0, limit);
}
