import { tempDir, runInProcess } from '../../cli/test/helpers';
import type { EcomailSandbox } from '../sandbox/ecomail';
import { ORGANIZER_ID, startGoOutSandbox } from '../sandbox/goout';
import { API_KEYS, GOOUT_PURCHASES, GOOUT_SEED, LIST } from './fixture';
import { SHOP_CONSENT_MODE, cancelOrders, shopSandbox } from './shop-fixture';

/** The CLI: `backfill goout` reads the same GoOut history from its own sandbox, refunds included, defaults otherwise. */
export function runCli(ecomail: EcomailSandbox): Promise<{ code: number; stderr: string }> {
  return runBackfillGoOut(GOOUT_PURCHASES, ['--list', String(LIST)], { ECOMAIL_API_KEY: API_KEYS[3], ECOMAIL_BASE_URL: ecomail.url });
}

/**
 * `backfill goout` of the first `purchases` of the same GoOut history into the destination that
 * `destinationArgs` (e.g. `--to getresponse --campaign …`) and `destinationEnv` (its credentials) name.
 */
export async function runBackfillGoOut(purchases: number, destinationArgs: string[], destinationEnv: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const goout = await startGoOutSandbox();
  try {
    goout.seed(purchases, GOOUT_SEED);
    const tokens = goout.initialTokens();
    const dir = tempDir();
    const run = await runInProcess(
      ['backfill', 'goout', '--organizer', ORGANIZER_ID, ...destinationArgs, '--include-refunded', '--confirm-permission', '--checkpoint', 'cp.json', '--report', 'report.json'],
      { ...destinationEnv, GOOUT_BASE_URL: goout.url, GOOUT_ACCESS_TOKEN: tokens.accessToken, GOOUT_REFRESH_TOKEN: tokens.refreshToken },
      dir,
    );
    return { code: run.code, stderr: run.stderr };
  } finally {
    await goout.close();
  }
}

/**
 * The CLI: `backfill idosell` exports the same shop from its own sandbox (subscribers, then every
 * order), the merchant cancels the same orders, and the next run with the checkpoint sends only
 * those changes.
 */
export async function runCliShop(ecomail: EcomailSandbox): Promise<Array<{ code: number; stderr: string }>> {
  const idosell = await shopSandbox();
  try {
    const dir = tempDir();
    const env = { ECOMAIL_API_KEY: API_KEYS[3], ECOMAIL_BASE_URL: ecomail.url, IDOSELL_SHOP_URL: idosell.url, IDOSELL_API_KEY: idosell.apiKey };
    const args = ['backfill', 'idosell', '--list', String(LIST), '--consent-mode', SHOP_CONSENT_MODE, '--confirm-permission', '--checkpoint', 'cp.json', '--report', 'report.json'];
    const first = await runInProcess(args, env, dir);
    cancelOrders(idosell.state.dataset());
    const second = await runInProcess(args, env, dir);
    return [first, second].map((run) => ({ code: run.code, stderr: run.stderr }));
  } finally {
    await idosell.close();
  }
}
