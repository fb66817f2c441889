/**
 * 13. A 3,000-purchase CLI backfill into SALESmanago (`--to salesmanago`) while the sandbox throws
 * 429 storms that carry no rate header at all, 5xx and dropped connections, throttling and passing
 * failures inside HTTP 200 (`success: false`), refuses a few contacts for good, and — after the
 * first batch — stops accepting the API secret (rotated in SALESmanago). The run with the refused
 * secret must stop at once with exit 3; the next one, with the new secret, resumes from the
 * checkpoint. In the end every buyer is in SALESmanago once, every purchase is one event, and the
 * refused contacts are reported with SALESmanago's reason.
 */
import path from 'node:path';
import { salesManagoSha } from '@ecomail-bridge/shared/node';
import { startSalesManagoSandbox, type SalesManagoSandbox } from '../../sandbox/salesmanago';
import { captureCliFiles, readJsonFile, spawnCli, tempDir } from '../lib/cli';
import { searchLeaks } from '../lib/leak-search';
import { startGoOut, waitFor } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';
import { SECRETS, capturedTexts, knownMarkers, knownSecrets, rememberSecret } from '../lib/secrets';

const PURCHASES = 3000;
const MAX_RUNS = 8;
const BLOCKED = 3;
/** Storms of mostly 429s (no Retry-After, no X-RateLimit-*) alternate with calmer seconds. */
const STORM = { throttleRate: 0.6, busyRate: 0.1, errorRate: 0.05, resetRate: 0.02, failureRate: 0.02 };
const CALM = { throttleRate: 0.05, busyRate: 0.02, errorRate: 0.05, resetRate: 0.02, failureRate: 0.02 };
const REFUSED = 'User not authenticated';

interface Report {
  message?: string;
  failed: Array<{ ref: string; email?: string; reason: string }>;
}

export async function salesManagoFaults(rec: Recorder): Promise<void> {
  const marker = SECRETS.ecomailKey.slice(15, 27);
  const first = { clientId: 'rel-client', apiSecret: `relsecret-SM-${marker}-first`, owner: 'owner@reliability.example' };
  const rotated = `relsecret-SM-${marker}-rotated`;
  const apiKey = `relkey-SALESMANAGO-${marker}-do-not-leak`;
  for (const secret of [first.apiSecret, rotated, apiKey, salesManagoSha({ ...first, apiKey }), salesManagoSha({ ...first, apiSecret: rotated, apiKey })]) rememberSecret(secret);
  const sm: SalesManagoSandbox = await startSalesManagoSandbox({ account: first, faults: { ...STORM, seed: 13 } });
  const { goout, tokens } = await startGoOut(PURCHASES);
  let storm = true;
  const toggler = setInterval(() => {
    storm = !storm;
    sm.setFaults(storm ? STORM : CALM);
  }, 1000);
  try {
    const purchases = goout.state.dataset().importablePurchases();
    const buyers = [...new Set(purchases.map((purchase) => purchase.email))];
    const blocked = buyers.filter((_, index) => index % Math.floor(buyers.length / BLOCKED) === 7).slice(0, BLOCKED);
    sm.block(blocked);

    const dir = tempDir('salesmanago');
    const env = (apiSecret: string) => ({
      SALESMANAGO_CLIENT_ID: first.clientId,
      SALESMANAGO_API_KEY: apiKey,
      SALESMANAGO_API_SECRET: apiSecret,
      SALESMANAGO_OWNER: first.owner,
      SALESMANAGO_BASE_URL: sm.url,
      GOOUT_BASE_URL: goout.url,
      GOOUT_ACCESS_TOKEN: tokens.accessToken,
      GOOUT_REFRESH_TOKEN: tokens.refreshToken,
    });
    const args = ['backfill', 'goout', '--to', 'salesmanago', '--organizer', '101', '--confirm-permission', '--checkpoint', 'cp.json', '--report', 'report.json'];
    const codes: number[] = [];
    const failed = new Map<string, string>();
    let secret = first.apiSecret;
    let refusedRun: { code: number; message?: string } | undefined;
    for (let run = 0; run < MAX_RUNS; run++) {
      const { done } = spawnCli(args, env(secret), dir);
      if (run === 0) {
        // The secret is rotated in SALESmanago once the first batch's events have arrived.
        await waitFor(() => sm.state.calls().some((call) => call.path === '/api/contact/batchAddContactExtEvent' && call.success === true), 'the first batch of events', 200_000);
        sm.rotateSecret(rotated);
      }
      const result = await done;
      codes.push(result.code);
      const report = readJsonFile<Report>(path.join(dir, 'report.json'));
      for (const failure of report?.failed ?? []) failed.set(failure.email ?? failure.ref, failure.reason);
      if (run === 0) {
        refusedRun = { code: result.code, message: report?.message };
        secret = rotated;
        continue;
      }
      if (result.code !== 4) break;
    }
    captureCliFiles(dir);

    const calls = sm.state.calls();
    rec.fault('HTTP 429 without Retry-After or any rate header', calls.filter((call) => call.status === 429).length);
    rec.fault('throttling inside HTTP 200 (success: false, "Too many requests")', calls.filter((call) => call.message?.[0] === 'Too many requests').length);
    rec.fault('passing failures inside HTTP 200 (success: false)', calls.filter((call) => call.message?.[0]?.startsWith('Temporary problem')).length);
    rec.fault('HTTP 500/502/503', calls.filter((call) => call.status >= 500).length);
    rec.fault('connection reset before an answer', calls.filter((call) => call.status === 0).length);
    rec.fault('refused API secret (rotated mid-run)', calls.filter((call) => call.message?.[0] === REFUSED).length);
    rec.note(`run with the refused secret: ${JSON.stringify(refusedRun)}`);
    rec.fault('contacts SALESmanago refuses for good', BLOCKED);
    rec.note(`CLI exit codes, run by run: ${codes.join(' → ')} (3 = refused secret, 4 = outage, resumed from the checkpoint; 1 = done, refused contacts reported)`);
    rec.note(`${calls.length} SALESmanago calls in all, ${calls.filter((call) => call.success === true).length} accepted`);

    rec.check('the run with the refused secret stopped with exit 3 and said what to check', refusedRun?.code === 3 && (refusedRun.message ?? '').includes('check the client id, API secret'), JSON.stringify(refusedRun));
    // Only the old secret is ever refused, so every refusal belongs to that run: one for each of the
    // two calls in flight at most, each stopping at its first (retries of throttled calls included).
    const refusals = calls.filter((call) => call.message?.[0] === REFUSED).length;
    rec.check('it stopped at the refusal: no more refusals than calls in flight (2)', refusals >= 1 && refusals <= 2, `${refusals} refusals`);
    rec.check('the backfill finished with only the refused contacts failed (exit 1)', codes[codes.length - 1] === 1, `exit codes ${codes.join(', ')}`);
    for (const [item, reason] of failed) rec.refuse(item, reason);
    rec.check(
      'exactly the refused contacts are reported, with SALESmanago\'s reason',
      JSON.stringify([...failed.keys()].sort()) === JSON.stringify([...blocked].sort()) && [...failed.values()].every((reason) => reason.endsWith('cannot be saved')),
      [...failed].map(([email, reason]) => `${email}: ${reason}`).join(' | '),
    );

    const expectedContacts = buyers.filter((email) => !blocked.includes(email));
    rec.tally(compare('contacts', expectedContacts, sm.state.contacts().map((contact) => contact.email)));
    const expectedEvents = purchases.filter((purchase) => !blocked.includes(purchase.email)).map((purchase) => `PURCHASE ${purchase.id}`);
    rec.tally(compare('PURCHASE events', expectedEvents, sm.state.events().map((event) => `${event.contactExtEventType} ${event.externalId}`)));
    rec.check('no contact was opted out', sm.state.contacts().every((contact) => contact.emailConsent !== 'opted-out'));

    const texts = capturedTexts().filter(({ where }) => where.startsWith('cli') || where.startsWith('file'));
    const leaks = searchLeaks(texts, knownSecrets(), knownMarkers());
    for (const leak of leaks) rec.refuse(`LEAK in ${leak.where}`, leak.secret);
    rec.check('no API key, secret or sha in CLI output, report or checkpoint', leaks.length === 0, `${leaks.length} leaks`);
  } finally {
    clearInterval(toggler);
    await Promise.all([sm.close(), goout.close()]);
  }
}
