/**
 * `npm run bench` (add `-- --quick` for a smaller run): every benchmark side by side in one run,
 * against the sandboxes with Ecomail's 1,000 requests a minute enforced on a 10× clock (scale.ts).
 * Writes bench/RESULTS.md (bench/RESULTS.quick.md for --quick).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEcomailSandbox, type EcomailSandbox } from '../test/sandbox/ecomail';
import { useThrowawayN8nFolder } from '../demo/n8n-user-folder';
import { backfillIntoExisting } from './backfill-existing';
import { backfillOurs, type BackfillFigures, type EcomailAccess } from './backfill-ours';
import { backfillGetResponse } from './backfill-getresponse';
import { backfillPerContact } from './backfill-per-contact';
import { loadPurchases, startBenchGoOut } from './goout';
import { backfillIdoSell } from './idosell';
import { describeMachine } from './machine';
import { mappingThroughput } from './mapping';
import { renderResults, type Results } from './results';
import { LIMIT, WINDOW_MS } from './scale';

const quick = process.argv.includes('--quick');
const SIZES = quick
  ? { full: 10_000, sample: 2_000, rss: [10_000, 100_000], mappingMs: 1_500, n8nBulk: 2_000, n8nPerItem: 200, shopOrders: 2_000 }
  : { full: 100_000, sample: 10_000, rss: [10_000, 1_000_000], mappingMs: 5_000, n8nBulk: 10_000, n8nPerItem: 1_000, shopOrders: 10_000 };
const root = path.resolve(__dirname, '..');
const KEYS = ['ours-full', 'ours-sample', 'ours-keep-tags', 'per-contact', 'rss-0', 'rss-1', 'n8n-bulk', 'n8n-per-item'];

const log = (text: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
const access = (sandbox: EcomailSandbox, apiKey: string): EcomailAccess => ({ url: sandbox.url, apiKey });

async function main(): Promise<void> {
  const started = Date.now();
  const n8nFolder = useThrowawayN8nFolder('ecomail-bridge-bench-');
  const ecomail = await startEcomailSandbox({ apiKeys: KEYS, rateLimit: { requests: LIMIT, windowMs: WINDOW_MS } });
  try {
    // a. Backfill: ours on the full set, then ours, ours keeping tags (into an empty list and into one
    // where some buyers exist) and the per-contact loop on one sample. Orders are off where ours is
    // compared with the per-contact loop, which writes none.
    log(`a. backfill of ${SIZES.full} purchases, ours`);
    const full = await startBenchGoOut(SIZES.full);
    const oursFull = await backfillOurs(full.access(), access(ecomail, 'ours-full'), { tagHandling: 'replace', orders: false });
    ecomail.state.reset();

    const sample = await startBenchGoOut(SIZES.sample);
    log(`a. sample of ${SIZES.sample} purchases: per-contact loop`);
    const perContact = await backfillPerContact(sample.access(), access(ecomail, 'per-contact'));
    ecomail.state.reset();
    log('a. sample: ours');
    const oursSample = await backfillOurs(sample.access(), access(ecomail, 'ours-sample'), { tagHandling: 'replace', orders: false });
    ecomail.state.reset();
    log('a. sample: ours keeping existing tags (the CLI default)');
    const oursKeepTags = await backfillOurs(sample.access(), access(ecomail, 'ours-keep-tags'), { tagHandling: 'add', orders: false });
    ecomail.state.reset();
    log('a. sample: ours keeping tags, 10% of the buyers already exist (some only in another list)');
    const oursExisting = await backfillIntoExisting(sample);

    // e. The same sample into GetResponse, the CLI's path (before b. closes the sample's sandbox).
    log('e. sample into GetResponse: keeping tags (imports), then replacing tags (one contact at a time)');
    const getresponse = { keepTags: await backfillGetResponse(sample.access(), 'add'), replaceTags: await backfillGetResponse(sample.access(), 'replace') };

    // b. Mapping throughput on purchases as the source emits them.
    log('b. mapping throughput');
    const mapping = mappingThroughput(await loadPurchases(sample.access(), SIZES.sample), SIZES.mappingMs);
    await sample.sandbox.close();

    // d. n8n (before c, which needs the GoOut sandbox re-seeded with a million purchases).
    log(`d. n8n: ${SIZES.n8nBulk} items bulk, ${SIZES.n8nPerItem} items one request each`);
    const purchases = await loadPurchases(full.access(), SIZES.n8nBulk);
    // The node builds its own client with the real limit (1,000 a minute), which cannot be scaled
    // from outside: this sandbox enforces the real limit too.
    const realLimit = await startEcomailSandbox({ apiKeys: KEYS });
    const { runEcomailNode } = await import('./n8n-items');
    const calls = () => realLimit.state.calls().length;
    const n8nBulk = await runEcomailNode(purchases, access(realLimit, 'n8n-bulk'), true, calls);
    const n8nPerItem = await runEcomailNode(purchases.slice(0, SIZES.n8nPerItem), access(realLimit, 'n8n-per-item'), false, calls);
    await realLimit.close();

    // c. Peak RSS of streamed backfills in a child process; the sandboxes stay here.
    const rss: Array<BackfillFigures & { maxRssBytes: number }> = [];
    for (const [i, n] of SIZES.rss.entries()) {
      log(`c. peak RSS, ${n} purchases in a child process`);
      full.sandbox.seed(n, { sales: Math.max(1, Math.ceil(n / 2500)), foreignSales: 0 });
      // The sandbox keeps every contact and request body; clearing it now and then keeps THIS
      // process small. The child is what is measured.
      const clearing = setInterval(() => ecomail.state.reset(), 5_000);
      try {
        rss.push(await runChild(full.access(), access(ecomail, `rss-${i}`)));
      } finally {
        clearInterval(clearing);
        ecomail.state.reset();
      }
    }
    await full.sandbox.close();

    // e. IdoSell: requests against the shop's monthly cap, Ecomail calls, in both consent modes.
    log(`e. IdoSell backfill of ${SIZES.shopOrders} orders, both consent modes`);
    const idosell = { consented: await backfillIdoSell(SIZES.shopOrders, 'consented'), everybody: await backfillIdoSell(SIZES.shopOrders, 'everybody') };

    const results: Results = {
      quick,
      machine: describeMachine(),
      date: new Date().toISOString().slice(0, 10),
      totalMs: Date.now() - started,
      sizes: SIZES,
      backfill: { oursFull, oursSample, oursKeepTags, oursExisting, perContact },
      mapping,
      rss,
      n8n: { bulk: n8nBulk, perItem: n8nPerItem },
      idosell,
      getresponse,
    };
    const file = path.join(__dirname, quick ? 'RESULTS.quick.md' : 'RESULTS.md');
    writeFileSync(file, renderResults(results));
    log(`written ${path.relative(root, file)} in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  } finally {
    await ecomail.close();
    n8nFolder.remove();
  }
}

function runChild(goout: unknown, ecomailAccess: EcomailAccess): Promise<BackfillFigures & { maxRssBytes: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'bench/tsconfig.json', 'bench/rss-child.ts'],
      { cwd: root, env: { ...process.env, BENCH_RSS_INPUT: JSON.stringify({ goout, ecomail: ecomailAccess }) }, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`rss child failed: ${stderr || error.message}`));
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'));
      },
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
