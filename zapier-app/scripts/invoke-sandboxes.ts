/**
 * Starts the Ecomail, GoOut, IdoSell, GetResponse and SALESmanago sandboxes on 127.0.0.1 (random
 * ports) for validate.sh's `zapier-platform invoke` runs, writes where they are (URLs, the sandboxes'
 * fake keys, token pair and account) as JSON to the file named by argv[2], and runs until SIGTERM /
 * SIGINT.
 */
import { writeFileSync } from 'node:fs';
import { startEcomailSandbox } from '../../test/sandbox/ecomail';
import { startGetResponseSandbox } from '../../test/sandbox/getresponse';
import { startGoOutSandbox } from '../../test/sandbox/goout';
import { startIdoSellSandbox } from '../../test/sandbox/idosell';
import { startSalesManagoSandbox } from '../../test/sandbox/salesmanago';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: invoke-sandboxes.ts <info.json>');
  const ecomail = await startEcomailSandbox({ port: 0 });
  const goout = await startGoOutSandbox({ port: 0 });
  goout.seed(20);
  const tokens = goout.initialTokens();
  const idosell = await startIdoSellSandbox({ port: 0 });
  // 20 orders of the last half hour after June's history: New Order reads the orders changed in the last two days.
  idosell.seed(40).addOrders(20, Date.now() - 30 * 60_000);
  // New GetResponse contacts visible at once, as the invoke of a second create would expect.
  const getresponse = await startGetResponseSandbox({ port: 0, createDelayMs: 0 });
  const salesmanago = await startSalesManagoSandbox({ port: 0 });
  writeFileSync(
    out,
    JSON.stringify({
      ecomail: { url: ecomail.url, apiKey: ecomail.apiKey },
      goout: { url: goout.url, ...tokens },
      idosell: { url: idosell.url, apiKey: idosell.apiKey },
      getresponse: { url: getresponse.apiUrl, apiKey: getresponse.apiKey, campaignId: getresponse.campaignIds[0] },
      salesmanago: { url: salesmanago.url, ...salesmanago.account },
    }),
    { mode: 0o600 },
  );
  const stop = async () => {
    await Promise.allSettled([ecomail.close(), goout.close(), idosell.close(), getresponse.close(), salesmanago.close()]);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
