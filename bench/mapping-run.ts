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
  const rate = (perSecond: number) => Math.round(perSecond).toLocaleString('en');
  console.log(
    `${rate(figures.perSecond)} contacts per CPU second, ${rate(figures.wallPerSecond)} per wall second ` +
      `(${figures.mapped} mappings of ${figures.distinctPurchases} distinct purchases in ${(figures.ms / 1000).toFixed(1)} s)`,
  );
}

void main();
