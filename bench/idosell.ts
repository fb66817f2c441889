/**
 * `npx tsx --tsconfig bench/tsconfig.json bench/idosell.ts [orders]`: the IdoSell → Ecomail
 * backfill (`backfill idosell`, in process) against the sandboxes, default options (consenting
 * shoppers only, tags kept) and with `--consent-mode everybody`. Prints IdoSell requests by gate,
 * Ecomail calls by endpoint and seconds. Ecomail's real limit is not enforced here: these are call
 * counts, not a timing under the limit (bench/run.ts does that for GoOut).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../cli/src/main';
import { startEcomailSandbox } from '../test/sandbox/ecomail';
import { startIdoSellSandbox } from '../test/sandbox/idosell';

const ORDERS = Number(process.argv[2] ?? 10_000);

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

async function measure(label: string, extra: string[]): Promise<void> {
  const ecomail = await startEcomailSandbox();
  const idosell = await startIdoSellSandbox();
  idosell.seed(ORDERS);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ecomail-bridge-bench-idosell-'));
  const started = Date.now();
  let output = '';
  try {
    const code = await main(['backfill', 'idosell', '--list', '1', '--confirm-permission', '--report', 'report.json', ...extra], {
      stdout: { write: (text: string) => (output += text) },
      stderr: { write: () => true },
      env: { HOME: dir, ECOMAIL_API_KEY: ecomail.apiKey, ECOMAIL_BASE_URL: ecomail.url, IDOSELL_SHOP_URL: idosell.url, IDOSELL_API_KEY: idosell.apiKey },
      cwd: dir,
      stopRequested: () => false,
    });
    const seconds = (Date.now() - started) / 1000;
    const calls = ecomail.state.calls();
    const endpoints = countBy(calls, (call) => `${call.method} ${call.path.replace(/\/lists\/\d+/, '/lists/{id}').replace(/\/subscribers\/[^/]+$/, '/subscribers/{email}')}`);
    console.log(`## ${label}: ${ORDERS} orders, exit ${code}, ${seconds.toFixed(1)} s`);
    console.log(`IdoSell requests: ${idosell.state.requestCount()} ${JSON.stringify(countBy(idosell.state.requests(), (r) => r.gate))}`);
    console.log(`Ecomail calls: ${calls.length} ${JSON.stringify(endpoints)}`);
    console.log(`contacts in Ecomail: ${ecomail.state.contacts().length}, orders: ${ecomail.state.transactions().length}`);
    console.log(output.trim().split('\n').slice(0, 4).join('\n'));
  } finally {
    await Promise.all([ecomail.close(), idosell.close()]);
  }
}

async function run(): Promise<void> {
  await measure('default (only shoppers who consented, tags kept)', []);
  await measure('everybody, tags kept', ['--consent-mode', 'everybody']);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
