/**
 * Where to start reading a sale's purchase listing that was never read before, when only purchases
 * made at or after `since` matter (docs/goout.md §3.3: GoOut offers no date filter). [A] Listings are
 * oldest first, so the first page that may hold such a purchase is found by doubling the page
 * index, then halving the gap: a trigger's first activation over years of history costs some
 * twenty pages per sale, not all of them. Should a listing not be in that order after all, the
 * source's refund check still meets the pages skipped here.
 */
import type { RawPurchase } from './assumed-contract';
import { purchaseTime } from './normalize-purchase';

export async function firstPageSince(
  readPage: (pageIndex: number) => Promise<RawPurchase[]>,
  sinceMs: number,
  maxPages: number,
): Promise<number> {
  /** True when the page is empty or may hold a purchase at or after `since`. */
  const reaches = async (pageIndex: number): Promise<boolean> => {
    const times = (await readPage(pageIndex)).map(purchaseTime);
    // A time GoOut does not give (NaN) is no proof that the page lies before `since`.
    return times.length === 0 || !times.every((time) => time < sinceMs);
  };
  if (await reaches(0)) return 0;
  let before = 0;
  let at = 1;
  while (at < maxPages && !(await reaches(at))) {
    before = at;
    at *= 2;
  }
  while (at - before > 1) {
    const middle = Math.floor((before + at) / 2);
    if (await reaches(middle)) at = middle;
    else before = middle;
  }
  return at;
}
