/**
 * `npx tsx --tsconfig bench/tsconfig.json bench/salesmanago.ts [contacts]`: GoOut purchases →
 * SALESmanago (`backfill goout --to salesmanago --max <contacts>`, in process) against the sandboxes
 * at the CLI's own pace (2 calls a second, docs/salesmanago.md §9). Prints SALESmanago calls by
 * endpoint and the seconds taken; then the same purchases through the core's GoOut job with the
 * pace lifted, which is the work itself.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SALESMANAGO_EVENT_PACKAGE, syncGoOutPurchases } from '@ecomail-bridge/shared/node';
import { main } from '../cli/src/main';
import { ORGANIZER_ID, startGoOutSandbox } from '../test/sandbox/goout';
import { startSalesManagoSandbox, type SalesManagoSandbox } from '../test/sandbox/salesmanago';
import { destinationFor } from '../test/salesmanago/helpers';
import { loadPurchases } from './goout';

const CONTACTS = Number(process.argv[2] ?? 10_000);
/** Enough purchases that the cap, not the dataset, ends the run (some have no e-mail or repeat a buyer). */
const SEEDED = Math.ceil(CONTACTS * 1.4);

function byPath(sm: SalesManagoSandbox): string {
  const counts: Record<string, number> = {};
  for (const call of sm.state.calls()) counts[call.path] = (counts[call.path] ?? 0) + 1;
  return JSON.stringify(counts);
}

async function run(): Promise<void> {
  const goout = await startGoOutSandbox({ maxLoggedRequests: 1000 });
  goout.seed(SEEDED, { sales: Math.max(1, Math.ceil(SEEDED / 2500)), foreignSales: 0 });
  const sm = await startSalesManagoSandbox();
  try {
    const tokens = goout.initialTokens();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ecomail-bridge-bench-salesmanago-'));
    let output = '';
    const started = Date.now();
    const code = await main(['backfill', 'goout', '--to', 'salesmanago', '--organizer', ORGANIZER_ID, '--max', String(CONTACTS), '--confirm-permission'], {
      stdout: { write: (text: string) => (output += text) },
      stderr: { write: () => true },
      env: {
        HOME: dir,
        GOOUT_BASE_URL: goout.url,
        GOOUT_ACCESS_TOKEN: tokens.accessToken,
        GOOUT_REFRESH_TOKEN: tokens.refreshToken,
        SALESMANAGO_CLIENT_ID: sm.account.clientId,
        SALESMANAGO_API_KEY: 'bench-chosen-key',
        SALESMANAGO_API_SECRET: sm.account.apiSecret,
        SALESMANAGO_OWNER: sm.account.owner,
        SALESMANAGO_BASE_URL: sm.url,
      },
      cwd: dir,
      stopRequested: () => false,
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`## CLI at 2 calls/s: ${CONTACTS} contacts, exit ${code}, ${seconds.toFixed(1)} s`);
    console.log(`SALESmanago calls: ${sm.state.calls().length} ${byPath(sm)}`);
    console.log(`contacts: ${sm.state.contacts().length}, events: ${sm.state.events().length}`);
    console.log(output.trim().split('\n').slice(0, 4).join('\n'));

    const purchases = await loadPurchases({ url: goout.url, ...goout.initialTokens() }, SEEDED);
    sm.state.reset();
    const destination = destinationFor(sm);
    const jobStarted = performance.now();
    let contacts = 0;
    for (let start = 0; start < purchases.length && contacts < CONTACTS; start += SALESMANAGO_EVENT_PACKAGE) {
      const { outcomes } = await syncGoOutPurchases(destination, '', purchases.slice(start, start + SALESMANAGO_EVENT_PACKAGE));
      contacts += outcomes.filter((outcome) => outcome.contact.duplicateOf === undefined).length;
    }
    const jobSeconds = (performance.now() - jobStarted) / 1000;
    console.log(`## the GoOut job, pace lifted: ${contacts} contacts in ${jobSeconds.toFixed(1)} s, ${sm.state.calls().length} calls ${byPath(sm)}`);
  } finally {
    await Promise.all([goout.close(), sm.close()]);
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
