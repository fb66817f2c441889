/**
 * The GoOut backfill every CLI scenario is measured against: the same seeded dataset imported once
 * with no faults. Its accepted subscribe-bulk rows are what "sent exactly once" means (a buyer who
 * bought again in a later batch is legitimately written twice).
 */
import { acceptedBulkEmails, startEcomail, startGoOut } from './sandboxes';
import { backfillArgs, runCli, tempDir } from './cli';
import { expectedGoOutEmails } from './goout-expected';
import { SECRETS } from './secrets';

export const BACKFILL_PURCHASES = 20_000;

export interface Reference {
  /** Distinct e-mails in the dataset (what must end up in Ecomail). */
  expected: Set<string>;
  /** Accepted bulk rows of an uninterrupted, fault-free run, in order. */
  rows: string[];
}

let reference: Promise<Reference> | undefined;

export function backfillReference(): Promise<Reference> {
  reference ??= (async () => {
    const ecomail = await startEcomail();
    const { goout, tokens } = await startGoOut(BACKFILL_PURCHASES);
    try {
      const run = await runCli(backfillArgs(), cliEnv(ecomail.url, goout.url, tokens), tempDir('reference'));
      if (run.code !== 0) throw new Error(`the fault-free reference backfill failed with exit code ${run.code}: ${run.stderr.slice(-500)}`);
      return { expected: expectedGoOutEmails(goout), rows: acceptedBulkEmails(ecomail.state.calls()) };
    } finally {
      await Promise.all([ecomail.close(), goout.close()]);
    }
  })();
  return reference;
}

export function cliEnv(ecomailUrl: string, gooutUrl: string, tokens: { accessToken: string; refreshToken: string }): Record<string, string> {
  return {
    ECOMAIL_API_KEY: SECRETS.ecomailKey,
    ECOMAIL_BASE_URL: ecomailUrl,
    GOOUT_BASE_URL: gooutUrl,
    GOOUT_ACCESS_TOKEN: tokens.accessToken,
    GOOUT_REFRESH_TOKEN: tokens.refreshToken,
  };
}
