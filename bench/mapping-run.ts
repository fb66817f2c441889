/**
 * The mapping benchmark alone, without the sandboxes of the other benches:
 * `npx tsx --tsconfig bench/tsconfig.json bench/mapping-run.ts [ms]`. Same purchases and loop as
 * part b of `npm run bench`; for profiling (`node --cpu-prof --import tsx …`).
 */
import { loadPurchases, startBenchGoOut } from './goout';
import { describeMachine } from './machine';
import { mappingThroughput } from './mapping';

async function main(): Promise<void> {
  const ms = Number(process.argv[2] ?? 5_000);
  const goout = await startBenchGoOut(10_000);
  const purchases = await loadPurchases(goout.access(), 10_000);
  await goout.sandbox.close();
  const figures = mappingThroughput(purchases, ms);
  console.log(describeMachine());
  console.log(`${Math.round(figures.perSecond).toLocaleString('en')} contacts/s (${figures.mapped} mappings of ${figures.distinctPurchases} distinct purchases in ${(figures.ms / 1000).toFixed(1)} s)`);
}

void main();
