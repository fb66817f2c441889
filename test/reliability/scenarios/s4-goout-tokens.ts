/**
 * 4. GoOut tokens during a 20,000-purchase backfill: the access token expires mid-run (refresh,
 * rotated refresh token), later the refresh token dies (clear reconnect error, exit 3, checkpoint
 * kept), then the user pastes new tokens and the resumed run completes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { backfillArgs, captureCliFiles, committedContacts, readJsonFile, runCli, spawnCli, tempDir } from '../lib/cli';
import { BACKFILL_PURCHASES, backfillReference, cliEnv } from '../lib/reference';
import { acceptedBulkEmails, issueTokens, rememberGoOutTokens, startEcomail, startGoOut, waitFor } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';

export async function goOutTokens(rec: Recorder): Promise<void> {
  const reference = await backfillReference();
  // Slow Ecomail a little so the import is still running when the tokens change.
  const ecomail = await startEcomail({ faults: { latencyMs: 600 } });
  const { goout, tokens } = await startGoOut(BACKFILL_PURCHASES);
  try {
    const dir = tempDir('tokens');
    const first = spawnCli(backfillArgs(), cliEnv(ecomail.url, goout.url, tokens), dir);
    await waitFor(() => committedContacts(dir) >= 3000, 'first batch committed');
    goout.state.expireAccessTokens();
    await waitFor(() => goout.state.refreshCount() >= 1 && committedContacts(dir) >= 9000, 'refresh after expiry, three batches in');
    rememberGoOutTokens(goout);
    goout.state.expireAccessTokens();
    goout.state.killRefreshTokens();
    const dead = await first.done;
    rec.fault('access token expired mid-run', 2);
    rec.fault('refresh token rotated by GoOut', goout.state.refreshCount());
    rec.fault('refresh token revoked mid-run', 1);

    rec.check('dead refresh token → exit 3', dead.code === 3, `exit ${dead.code}`);
    rec.check('the error tells the user to reconnect GoOut', dead.stderr.includes('Reconnect GoOut'), dead.stderr.trim().split('\n').pop());
    const committed = committedContacts(dir);
    rec.check('checkpoint kept, matching what Ecomail confirmed', committed > 0 && committed === acceptedBulkEmails(ecomail.state.calls()).length,
      `checkpoint ${committed}, accepted ${acceptedBulkEmails(ecomail.state.calls()).length}`);
    rec.note(`stopped by the dead refresh token after ${committed} of ${reference.rows.length} contacts; exit message: "${dead.stderr.trim().split('\n').pop()}"`);

    // The user generates a new pair in GoOut admin and runs the same command again.
    const fresh = issueTokens(goout);
    const resumed = await runCli(backfillArgs(), cliEnv(ecomail.url, goout.url, fresh), dir);
    rememberGoOutTokens(goout);
    captureCliFiles(dir);
    rec.check('resume with new tokens completes (exit 0)', resumed.code === 0, `exit ${resumed.code} ${resumed.stderr.slice(-300)}`);
    const report = readJsonFile<{ failed: Array<{ ref: string; reason: string }> }>(path.join(dir, 'report.json'));
    for (const failure of report?.failed ?? []) rec.refuse(failure.ref, failure.reason);
    const tokenFile = path.join(dir, '.config', 'ecomail-bridge', 'goout-tokens.json');
    // Read directly, not through readJsonFile: the token file is the credential store, not output.
    const stored = existsSync(tokenFile) ? (JSON.parse(readFileSync(tokenFile, 'utf8')) as Record<string, { refreshToken?: string }>)['goout.tokens'] : undefined;
    rec.check('the token file holds the newest working refresh token', stored?.refreshToken === goout.state.validTokens().refreshToken);

    rec.tally(compare('contacts', reference.expected, ecomail.state.contacts().map((contact) => contact.email)));
    rec.tally(compare('accepted bulk rows (vs. fault-free run)', reference.rows, acceptedBulkEmails(ecomail.state.calls())));
  } finally {
    await Promise.all([ecomail.close(), goout.close()]);
  }
}
