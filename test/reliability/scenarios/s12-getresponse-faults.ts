/**
 * 12. GetResponse misbehaving during a GoOut CLI backfill (`--to getresponse`): first a refused
 * key (exit 3, nothing written), then 429 storms that carry only `X-RateLimit-*` (no Retry-After),
 * 5xx answers and resets, a 20-second outage, and other writers winning the create race for a
 * tenth of the buyers. A run that gives up is resumed from its checkpoint. In the end every buyer
 * who consented is in the campaign once, with our tags, and nobody else is.
 */
import path from 'node:path';
import { GETRESPONSE_KEY_REJECTED } from '@ecomail-bridge/shared/node';
import { startGetResponseSandbox } from '../../sandbox/getresponse';
import { captureCliFiles, readJsonFile, runCli, tempDir } from '../lib/cli';
import { startGoOut } from '../lib/sandboxes';
import { compare, type Recorder } from '../lib/scenario';
import { SECRETS, rememberSecret } from '../lib/secrets';

const PURCHASES = 150;
const MAX_RUNS = 8;
/** 1.5 s of storm, 1.5 s of calm, for as long as the import runs. */
const STORM = { throttleRate: 0.4, errorRate: 0.1, resetRate: 0.03 };
const CALM = { throttleRate: 0.02, errorRate: 0.05, resetRate: 0.01 };
const OUTAGE = { throttleRate: 0, errorRate: 1, resetRate: 0 };
/** The outage starts once this many contacts were created, so it falls mid-run however slowly the CLI starts. */
const OUTAGE_AFTER_CREATES = 15;
const OUTAGE_MS = 20_000;

export async function getResponseFaults(rec: Recorder): Promise<void> {
  const apiKey = `relkey-GETRESPONSE-${SECRETS.ecomailKey.slice(15, 27)}-do-not-leak`;
  const wrongKey = `relkey-GRWRONG-${SECRETS.ecomailKey.slice(15, 27)}-do-not-leak`;
  rememberSecret(apiKey);
  rememberSecret(wrongKey);
  const gr = await startGetResponseSandbox({ apiKeys: [apiKey], createDelayMs: 300, faults: { seed: 12 } });
  const { goout, tokens } = await startGoOut(PURCHASES);
  const campaign = gr.campaignIds[0];
  const purchases = goout.state.dataset().importablePurchases();
  const consenting = [...new Set(purchases.filter((p) => p.consent).map((p) => p.email))];
  const raced = consenting.filter((_, i) => i % 10 === 3);
  for (const email of raced) gr.loseRaceFor(email, campaign);

  const env = (key: string) => ({
    GETRESPONSE_API_KEY: key,
    GETRESPONSE_BASE_URL: gr.apiUrl,
    GOOUT_BASE_URL: goout.url,
    GOOUT_ACCESS_TOKEN: tokens.accessToken,
    GOOUT_REFRESH_TOKEN: tokens.refreshToken,
  });
  const args = ['backfill', 'goout', '--organizer', '101', '--to', 'getresponse', '--campaign', campaign, '--confirm-permission', '--checkpoint', 'cp.json', '--report', 'report.json'];
  const dir = tempDir('getresponse');
  let storm = true;
  let outage = false;
  const toggler = setInterval(() => {
    storm = !storm;
    if (!outage) gr.setFaults(storm ? STORM : CALM);
  }, 1500);
  let outageTimers: NodeJS.Timeout[] = [];
  try {
    const refused = await runCli(args, env(wrongKey), dir);
    rec.check('a refused key stops at once with exit 3 and says so', refused.code === 3 && refused.stderr.includes(GETRESPONSE_KEY_REJECTED), `exit ${refused.code}: ${refused.stderr.trim()}`);
    rec.check('a refused key writes nothing', gr.state.calls().every((call) => call.method === 'GET'), `${gr.state.calls().length} calls`);
    rec.fault('refused API key (401, code 1014)', gr.state.calls().filter((call) => call.status === 401).length);

    gr.setFaults(STORM);
    const watcher = setInterval(() => {
      const created = gr.state.calls().filter((call) => call.method === 'POST' && call.path === '/contacts' && call.status === 202).length;
      if (created < OUTAGE_AFTER_CREATES) return;
      clearInterval(watcher);
      outage = true;
      gr.setFaults(OUTAGE);
      outageTimers.push(
        setTimeout(() => {
          outage = false;
          gr.setFaults(CALM);
        }, OUTAGE_MS),
      );
    }, 100);
    outageTimers = [watcher];
    const codes: number[] = [refused.code];
    for (let run = 0; run < MAX_RUNS; run++) {
      const result = await runCli(args, env(apiKey), dir);
      codes.push(result.code);
      if (result.code !== 4) break;
    }
    captureCliFiles(dir);
    rec.note(`CLI exit codes, run by run: ${codes.join(' → ')} (3 = refused key, 4 = gave up on an outage, resumed from the checkpoint)`);
    rec.check('the backfill completed (exit 0) after resuming', codes[codes.length - 1] === 0 && codes.includes(4), `exit codes ${codes.join(', ')}`);
    const report = readJsonFile<{ failed: Array<{ ref: string; reason: string }> }>(path.join(dir, 'report.json'));
    for (const failure of report?.failed ?? []) rec.refuse(failure.ref, failure.reason);
    rec.check('the report lists no failed item', (report?.failed.length ?? -1) === 0);

    const calls = gr.state.calls();
    rec.fault('429 with X-RateLimit-* and no Retry-After (storms of 40%)', calls.filter((call) => call.status === 429).length);
    rec.fault('HTTP 500/502/503 (a 20 s outage, otherwise 5–10%)', calls.filter((call) => call.status >= 500).length);
    rec.fault('connection reset before an answer', calls.filter((call) => call.status === 0).length);
    rec.fault('create answered 409: another writer won the race', calls.filter((call) => call.method === 'POST' && call.path === '/contacts' && call.status === 409).length);

    const contacts = gr.state.contacts().filter((contact) => contact.campaignId === campaign);
    const strangers = contacts.filter((contact) => !consenting.includes(contact.email));
    rec.check('no buyer without consent was created', strangers.length === 0, `${strangers.length} created without consent`);
    rec.tally(compare('contacts (buyers who consented)', consenting, contacts.map((contact) => contact.email)));
    const ours = contacts.filter((contact) => contact.tags.includes('GoOut_newsletter') && contact.name !== 'Another Writer');
    rec.tally(compare('contacts carrying our name and tags', consenting, ours.map((contact) => contact.email)));
    rec.tally(compare('race losers turned into updates', raced, contacts.filter((c) => c.origin === 'other-writer' && c.tags.includes('GoOut')).map((c) => c.email)));
  } finally {
    clearInterval(toggler);
    for (const timer of outageTimers) clearInterval(timer);
    await Promise.all([gr.close(), goout.close()]);
  }
}
