/** Mapping throughput on one core: mapGoOutPurchase (clean-up, vocative, name day, tags) over real-looking purchases. */
import { mapGoOutPurchase, type GoOutPurchase } from '@ecomail-bridge/shared/node';

export interface MappingFigures {
  distinctPurchases: number;
  mapped: number;
  ms: number;
  perSecond: number;
}

/** Maps the purchases over and over for at least `minMs` (after one warm-up pass). */
export function mappingThroughput(purchases: readonly GoOutPurchase[], minMs: number): MappingFigures {
  let sink = 0;
  for (const purchase of purchases) sink += mapGoOutPurchase(purchase).email.length;
  let mapped = 0;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    for (const purchase of purchases) sink += mapGoOutPurchase(purchase, { eventFields: true }).email.length;
    mapped += purchases.length;
  }
  const ms = performance.now() - started;
  if (sink === 0) throw new Error('nothing mapped');
  return { distinctPurchases: purchases.length, mapped, ms, perSecond: mapped / (ms / 1000) };
}
