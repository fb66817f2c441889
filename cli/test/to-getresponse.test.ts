import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GETRESPONSE_ACCESS_REFUSED, GETRESPONSE_KEY_REJECTED, GETRESPONSE_ORDERS_NOT_KEPT, NO_CONSENT_REASON } from '@ecomail-bridge/shared/node';
import { startGetResponseSandbox, type GetResponseSandbox } from '../../test/sandbox/getresponse';
import { ORGANIZER_ID, startGoOutSandbox, type GoOutSandbox } from '../../test/sandbox/goout';
import { expectNoSecrets, runInProcess, spawnCli, tempDir } from './helpers';

/** Small: the CLI paces GetResponse at its own 10 calls a second. */
const PURCHASES = 120;

let gr: GetResponseSandbox;
let goout: GoOutSandbox;
let campaign: string;

beforeAll(async () => {
  gr = await startGetResponseSandbox({ createDelayMs: 0 });
  goout = await startGoOutSandbox();
  goout.seed(PURCHASES);
  campaign = gr.campaignIds[0];
});
afterAll(() => Promise.all([gr.close(), goout.close()]));
beforeEach(() => gr.state.reset());

function env(extra: Record<string, string> = {}): Record<string, string> {
  const tokens = goout.initialTokens();
  return {
    GETRESPONSE_API_KEY: gr.apiKey,
    GETRESPONSE_BASE_URL: gr.apiUrl,
    GOOUT_BASE_URL: goout.url,
    GOOUT_ACCESS_TOKEN: tokens.accessToken,
    GOOUT_REFRESH_TOKEN: tokens.refreshToken,
    ...extra,
  };
}

const backfill = (extra: string[]) => ['backfill', 'goout', '--organizer', ORGANIZER_ID, '--to', 'getresponse', '--confirm-permission', ...extra];
const report = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));

describe('ecomail-bridge backfill goout --to getresponse', () => {
  it('creates every buyer who consented, skips the others with the reason, keeps no orders, and resumes with nothing left', async () => {
    const dir = tempDir();
    const { done } = spawnCli(backfill(['--campaign', campaign, '--checkpoint', 'cp.json', '--report', 'r.json']), env(), dir);
    const run = await done;
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);

    const purchases = goout.state.dataset().importablePurchases();
    const consenting = new Set(purchases.filter((p) => p.consent).map((p) => p.email));
    const others = new Set(purchases.map((p) => p.email).filter((email) => !consenting.has(email)));
    const json = report(dir);
    expect([json.to, json.list, json.into, json.max]).toEqual(['getresponse', campaign, `GetResponse campaign ${campaign}`, 10_000]);
    // Skipped: the buyers without consent, and what the source skips (no e-mail, refunded before the first read).
    const sourceSkips = json.source.skippedNoEmail + json.source.skippedRefunded;
    expect(json.counts).toMatchObject({ read: purchases.length, contacts: consenting.size + others.size, created: consenting.size, updated: 0, skipped: others.size + sourceSkips, failed: 0 });
    expect(json.skippedReasons[NO_CONSENT_REASON]).toBe(others.size);
    expect(json.skippedOrderReasons).toEqual({ [GETRESPONSE_ORDERS_NOT_KEPT]: purchases.filter((p) => consenting.has(p.email)).length });
    expect(gr.state.contacts().map((c) => c.email).sort()).toEqual([...consenting].sort());
    expect(gr.state.contacts().every((c) => c.tags.includes('GoOut_newsletter') && c.tags.includes('GoOut') && c.fields.source?.[0] === 'GoOut')).toBe(true);
    expect(run.stdout).toContain(`backfill goout → GetResponse campaign ${campaign} (add-and-update): complete.`);
    expectNoSecrets([run.stdout, run.stderr, JSON.stringify(json)], [gr.apiKey]);

    const calls = gr.state.calls().length;
    const again = await runInProcess(backfill(['--campaign', campaign, '--checkpoint', 'cp.json']), env(), dir);
    expect(again.code).toBe(0);
    expect(gr.state.calls().slice(calls).filter((call) => call.method === 'POST')).toEqual([]);
  });

  it('stops at --max and leaves the rest to the next run on the same checkpoint', async () => {
    const dir = tempDir();
    const first = await runInProcess(backfill(['--campaign', campaign, '--max', '10', '--checkpoint', 'cp.json', '--report', 'r.json']), env(), dir);
    expect(first.code).toBe(0);
    expect([report(dir).outcome, report(dir).counts.contacts]).toEqual(['capped', 10]);
    expect(first.stdout).toContain("The run's cap of 10 contacts is reached: the rest is left to the next run with the same --checkpoint.");
  });

  it('refuses a refused key, or a domain an ordinary account does not take, with exit 3 and the reason, naming no key', async () => {
    const dir = tempDir();
    const run = await runInProcess(backfill(['--campaign', campaign]), env({ GETRESPONSE_API_KEY: 'revoked-getresponse-key' }), dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${GETRESPONSE_KEY_REJECTED}\n`);
    const domain = await runInProcess(backfill(['--campaign', campaign]), env({ GETRESPONSE_DOMAIN: 'https://www.example.com' }), dir);
    expect(domain.code).toBe(3);
    expect(domain.stderr).toBe(`error: ${GETRESPONSE_ACCESS_REFUSED} (X-Domain is only for GetResponse MAX accounts)\n`);
    expect(gr.state.calls().map((call) => [call.path, call.status, call.domain])).toEqual([
      [`/campaigns/${campaign}`, 401, undefined],
      [`/campaigns/${campaign}`, 403, 'example.com'],
    ]);
  });

  it('explains usage mistakes with exit 2 before anything is sent', async () => {
    const dir = tempDir();
    const cases: Array<[string[], Record<string, string>, string]> = [
      [backfill([]), env(), '--campaign <id> is required with --to getresponse'],
      [backfill(['--campaign', campaign, '--list', '1']), env(), '--list is for Ecomail; GetResponse takes --campaign.'],
      [backfill(['--campaign', campaign, '--max', '10001']), env(), 'A GetResponse run takes at most 10000 contacts'],
      [backfill(['--campaign', 'nope']), env(), 'GetResponse has no campaign nope'],
      [backfill(['--campaign', campaign]), env({ GETRESPONSE_API_KEY: '' }), 'No GetResponse API key: set GETRESPONSE_API_KEY'],
      [backfill(['--campaign', campaign]), env({ GETRESPONSE_DOMAIN: 'example.com', GETRESPONSE_BASE_URL: '' }), 'A GetResponse domain is only for MAX (Enterprise) accounts'],
      [['backfill', 'goout', '--organizer', ORGANIZER_ID, '--to', 'ecomail', '--list', '1', '--campaign', campaign], env(), '--campaign is for --to getresponse; Ecomail takes --list.'],
    ];
    for (const [args, environment, message] of cases) {
      const run = await runInProcess(args, environment, dir);
      expect([run.code, run.stderr.startsWith(`error: ${message}`)]).toEqual([2, true]);
    }
    expect(gr.state.calls().map((call) => call.path)).toEqual(['/campaigns/nope']);
  });

  it('will not resume a GetResponse checkpoint into an Ecomail list', async () => {
    const dir = tempDir();
    expect((await runInProcess(backfill(['--campaign', campaign, '--max', '5', '--checkpoint', 'cp.json']), env(), dir)).code).toBe(0);
    const run = await runInProcess(
      ['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', '--dry-run', '--checkpoint', 'cp.json'],
      env(),
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`belongs to another import (goout into getresponse campaign ${campaign}), not goout into list 1`);
  });
});

describe('ecomail-bridge export ellity --to getresponse', () => {
  function writeExport(dir: string): void {
    const lines = ['email;ellity_credit;ellity_pin;ellity_next_expiration_date', 'Zak1@example.cz;120;4321;31.12.2026', 'zak2@example.cz;5;;', 'broken;1;1;'];
    writeFileSync(path.join(dir, 'customers.csv'), `${lines.join('\n')}\n`, 'utf8');
  }

  it('creates the customers with their ellity_* fields, and a dry run sends nothing', async () => {
    const dir = tempDir();
    writeExport(dir);
    const args = ['export', 'ellity', '--file', 'customers.csv', '--to', 'getresponse', '--campaign', campaign, '--confirm-permission', '--report', 'r.json'];
    const dry = await runInProcess([...args, '--dry-run'], { GETRESPONSE_BASE_URL: gr.apiUrl }, dir);
    expect(dry.code).toBe(1);
    expect(gr.state.calls()).toEqual([]);
    const run = await runInProcess(args, env(), dir);
    expect(run.code).toBe(1);
    expect(report(dir).counts).toMatchObject({ read: 3, contacts: 2, created: 2, failed: 1 });
    expect(gr.state.contacts().map((c) => [c.email, c.fields])).toEqual([
      ['zak1@example.cz', { ellity_credit: ['120'], ellity_credit_num: ['120'], ellity_pin: ['4321'], ellity_next_expiration_date: ['2026-12-31'] }],
      ['zak2@example.cz', { ellity_credit: ['5'], ellity_credit_num: ['5'] }],
    ]);
  });
});
