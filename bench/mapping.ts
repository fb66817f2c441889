/** Mapping throughput on one core: mapGoOutPurchase (clean-up, vocative, name day, tags) over real-looking purchases. */
import { mapGoOutPurchase, type GoOutPurchase } from '@ecomail-bridge/shared/node';

export interface MappingFigures {
  distinctPurchases: number;
  mapped: number;
  ms: number;
  /** CPU time the process spent meanwhile (all its threads, garbage collection included). */
  cpuMs: number;
  /** Mappings per second of CPU time: the rate on one core, whatever else the machine runs. */
  perSecond: number;
  /** Mappings per second of wall time: the same on a quiet machine, less when cores are shared. */
  wallPerSecond: number;
}

/** Maps the purchases over and over for at least `minMs` (after one warm-up pass). */
export function mappingThroughput(purchases: readonly GoOutPurchase[], minMs: number): MappingFigures {
  let sink = 0;
  for (const purchase of purchases) sink += mapGoOutPurchase(purchase).email.length;
  let mapped = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < minMs) {
    for (const purchase of purchases) sink += mapGoOutPurchase(purchase, { eventFields: true }).email.length;
    mapped += purchases.length;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (sink === 0) throw new Error('nothing mapped');
  return { distinctPurchases: purchases.length, mapped, ms, cpuMs, perSecond: mapped / (cpuMs / 1000), wallPerSecond: mapped / (ms / 1000) };
}
