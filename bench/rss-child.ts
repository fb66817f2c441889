/**
 * Child process of the memory benchmark: one streamed backfill (our path) against sandboxes that
 * run in the parent, then its peak RSS as JSON on stdout. Input: BENCH_RSS_INPUT (JSON).
 */
import { backfillOurs, type EcomailAccess } from './backfill-ours';
import type { GoOutAccess } from './goout';

async function main(): Promise<void> {
  const input = JSON.parse(process.env.BENCH_RSS_INPUT ?? '{}') as { goout: GoOutAccess; ecomail: EcomailAccess };
  const figures = await backfillOurs(input.goout, input.ecomail, { tagHandling: 'replace', orders: false });
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ ...figures, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
