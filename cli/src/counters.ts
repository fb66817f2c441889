/** What a run (or all runs on one checkpoint) did; Ecomail's bulk reply counts only inserts. */
export interface Counters {
  /** Source records taken (purchases, CSV rows). */
  read: number;
  /** Distinct contacts handed to Ecomail (or, in a dry run, that would be). */
  contacts: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Records folded into another record of the same e-mail in the same batch. */
  merged: number;
  ordersSent: number;
  ordersFailed: number;
  /** Orders the destination keeps none of (GetResponse): not sent, not failed. */
  ordersSkipped: number;
}

export const emptyCounters = (): Counters => ({
  read: 0,
  contacts: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  merged: 0,
  ordersSent: 0,
  ordersFailed: 0,
  ordersSkipped: 0,
});

export function addCounters(a: Counters, b: Counters): Counters {
  const sum = emptyCounters();
  for (const key of Object.keys(sum) as Array<keyof Counters>) sum[key] = (a[key] ?? 0) + (b[key] ?? 0);
  return sum;
}
