import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { salesManagoSha } from '@ecomail-bridge/shared/node';
import { ORGANIZER_ID, startGoOutSandbox, type GoOutSandbox } from '../../test/sandbox/goout';
import { startIdoSellSandbox } from '../../test/sandbox/idosell';
import { startSalesManagoSandbox, type SalesManagoSandbox } from '../../test/sandbox/salesmanago';
import { expectNoSecrets, runInProcess, tempDir } from './helpers';

const PURCHASES = 300;
const API_KEY = 'cli-chosen-key-41';

let sm: SalesManagoSandbox;
let goout: GoOutSandbox;

function smEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    SALESMANAGO_CLIENT_ID: sm.account.clientId,
    SALESMANAGO_API_KEY: API_KEY,
    SALESMANAGO_API_SECRET: sm.account.apiSecret,
    SALESMANAGO_OWNER: sm.account.owner,
    SALESMANAGO_BASE_URL: sm.url,
    ...overrides,
  };
}

function gooutEnv(): Record<string, string> {
  const tokens = goout.initialTokens();
  return { GOOUT_BASE_URL: goout.url, GOOUT_ACCESS_TOKEN: tokens.accessToken, GOOUT_REFRESH_TOKEN: tokens.refreshToken };
}

const backfill = (...extra: string[]) => ['backfill', 'goout', '--to', 'salesmanago', '--organizer', ORGANIZER_ID, '--confirm-permission', ...extra];
const secrets = () => [API_KEY, sm.account.apiSecret, salesManagoSha({ apiKey: API_KEY, clientId: sm.account.clientId, apiSecret: sm.account.apiSecret })];

beforeAll(async () => {
  sm = await startSalesManagoSandbox();
  goout = await startGoOutSandbox();
  goout.seed(PURCHASES);
});
afterAll(() => Promise.all([sm.close(), goout.close()]));
beforeEach(() => sm.state.reset());

describe('ecomail-bridge backfill goout --to salesmanago', () => {
  it('sends every buyer (opted in only with consent) and every purchase as an event; a second run sends nothing new', async () => {
    const dir = tempDir();
    const env = { ...smEnv(), ...gooutEnv() };
    const run = await runInProcess(backfill('--checkpoint', 'cp.json', '--report', 'r.json'), env, dir);
    expect(run.code).toBe(0);
    const purchases = goout.state.dataset().importablePurchases();
    const buyers = new Map<string, boolean>();
    for (const { email, consent } of purchases) buyers.set(email, (buyers.get(email) ?? false) || consent);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect([report.to, report.list, report.into]).toEqual(['salesmanago', '', 'SALESmanago']);
    expect(report.counts).toMatchObject({ contacts: buyers.size, created: buyers.size, updated: 0, failed: 0, ordersSent: purchases.length, ordersFailed: 0 });
    expect(run.stdout.split('\n')[0]).toBe('backfill goout → SALESmanago (add-and-update): complete.');
    expect(new Map(sm.state.contacts().map((c) => [c.email, c.emailConsent === 'opted-in']))).toEqual(buyers);
    expect(sm.state.contacts().every((c) => c.emailConsent !== 'opted-out' && c.tags.includes('GOOUT'))).toBe(true);
    expect(sm.state.events().map((e) => [e.contactExtEventType, e.externalId]).sort()).toEqual(purchases.map((p) => ['PURCHASE', p.id]).sort());
    const checkpoint = readFileSync(path.join(dir, 'cp.json'), 'utf8');
    expect(JSON.parse(checkpoint)['cli.meta']).toEqual({ source: 'goout', listId: '', destination: 'salesmanago' });
    expectNoSecrets([run.stdout, run.stderr, JSON.stringify(report), checkpoint], secrets());

    const calls = sm.state.calls().length;
    const again = await runInProcess(backfill('--checkpoint', 'cp.json'), env, dir);
    expect(again.code).toBe(0);
    // Only the connection test: the cursor is past every purchase.
    expect(sm.state.calls().slice(calls).map((c) => c.path)).toEqual(['/api/contact/hasContact']);
  });

  it('keeps to --max, and --dry-run sends nothing and needs no SALESmanago credentials', async () => {
    const capped = await runInProcess(backfill('--max', '25', '--report', 'r.json'), { ...smEnv(), ...gooutEnv() }, tempDir());
    expect(capped.code).toBe(0);
    expect(sm.state.contacts()).toHaveLength(25);
    sm.state.reset();
    const dry = await runInProcess(['backfill', 'goout', '--to', 'salesmanago', '--organizer', ORGANIZER_ID, '--dry-run', '--max', '40'], gooutEnv(), tempDir());
    expect(dry.code).toBe(0);
    expect(dry.stdout.split('\n')[0]).toBe('backfill goout → SALESmanago (add-and-update, dry run: nothing sent): capped.');
    expect(sm.state.calls()).toEqual([]);
  });

  it('--mode update-only touches only contacts SALESmanago has, and opts nobody in', async () => {
    const purchases = goout.state.dataset().importablePurchases();
    const seeded = await runInProcess(backfill('--max', '1'), { ...smEnv(), ...gooutEnv() }, tempDir());
    expect(seeded.code).toBe(0);
    const before = sm.state.calls().length;
    const dir = tempDir();
    const run = await runInProcess(backfill('--mode', 'update-only', '--report', 'r.json'), { ...smEnv(), ...gooutEnv() }, dir);
    expect(run.code).toBe(0);
    expect(sm.state.contacts().map((c) => c.email)).toEqual([purchases[0].email]);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    const buyers = new Set(purchases.map((p) => p.email));
    expect(report.skippedReasons['not in SALESmanago (import mode: only update existing)']).toBe(buyers.size - 1);
    const written = sm.state
      .calls()
      .slice(before)
      .filter((c) => c.path === '/api/contact/batchupsertv2')
      .flatMap((c) => (c.body as { upsertDetails: Array<{ contact: { email: string }; forceOptIn: boolean }> }).upsertDetails);
    expect(written.map((d) => [d.contact.email, d.forceOptIn])).toEqual([[purchases[0].email, false]]);
  });

  it('exits 3 once with the reason when the secret is refused, writing nothing', async () => {
    const run = await runInProcess(backfill(), { ...smEnv({ SALESMANAGO_API_SECRET: 'revoked-secret-77' }), ...gooutEnv() }, tempDir());
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'error: SALESmanago refused the credentials: check the client id, API secret, owner e-mail and endpoint (Integration Center → API) (User not authenticated)\n',
    );
    expect(sm.state.calls().map((c) => c.path)).toEqual(['/api/contact/hasContact']);
    expectNoSecrets([run.stdout, run.stderr], ['revoked-secret-77', API_KEY]);
  });

  it('refuses what SALESmanago cannot do, and names missing variables (exit 2)', async () => {
    const dir = tempDir();
    const runs = await Promise.all([
      runInProcess(backfill('--list', '1'), { ...smEnv(), ...gooutEnv() }, dir),
      runInProcess(backfill('--campaign', 'A1b2C'), { ...smEnv(), ...gooutEnv() }, dir),
      runInProcess(backfill('--tag-handling', 'replace'), { ...smEnv(), ...gooutEnv() }, dir),
      runInProcess(backfill(), { ...smEnv({ SALESMANAGO_OWNER: '', SALESMANAGO_API_KEY: '' }), ...gooutEnv() }, dir),
      runInProcess(['backfill', 'goout', '--organizer', ORGANIZER_ID, '--confirm-permission'], gooutEnv(), dir),
    ]);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [2, 'error: SALESmanago has no lists: leave out --list (contacts are told apart by their tags).\n'],
      [2, 'error: SALESmanago has no lists: leave out --campaign (contacts are told apart by their tags).\n'],
      [2, 'error: SALESmanago cannot replace tags: its API only adds the tags named and removes the tags named, so use tag handling "add".\n'],
      [
        2,
        'error: SALESmanago needs SALESMANAGO_API_KEY, SALESMANAGO_OWNER (Integration Center → API: endpoint, client id, API secret; the owner is the user\'s e-mail; the API key is any text you choose) or the config file\'s "salesmanago" block.\n',
      ],
      [2, 'error: --list <id> is required with --to ecomail (Ecomail → Contacts → the list\u2019s id).\n'],
    ]);
    expect(sm.state.calls()).toEqual([]);
  });
});

describe('ecomail-bridge export ellity --to salesmanago', () => {
  it('stores every good row with its ellity_* fields as properties and reports the bad one (exit 1)', async () => {
    const dir = tempDir();
    const lines = ['email;ellity_credit;ellity_credit_num;ellity_pin'];
    for (let i = 0; i < 60; i++) lines.push(`zakaznik${i}@example.cz;${i * 10};${i * 10};${1000 + i}`);
    lines.splice(11, 0, 'not-an-e-mail;5;5;1');
    writeFileSync(path.join(dir, 'customers.csv'), `${lines.join('\n')}\n`);
    const run = await runInProcess(['export', 'ellity', '--to', 'salesmanago', '--file', 'customers.csv', '--confirm-permission', '--report', 'r.json'], smEnv(), dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(report.counts).toMatchObject({ read: 61, contacts: 60, created: 60, failed: 1 });
    expect(report.failed).toEqual([{ ref: 'line 12', reason: 'no valid e-mail address in the row' }]);
    expect(sm.state.contacts()).toHaveLength(60);
    expect(sm.state.contact('zakaznik7@example.cz')).toMatchObject({ properties: { ellity_credit: '70', ellity_credit_num: '70', ellity_pin: '1007' }, emailConsent: 'opted-in' });
    expectNoSecrets([run.stdout, run.stderr, JSON.stringify(report)], secrets());
  });
});

describe('ecomail-bridge backfill idosell --to salesmanago', () => {
  it('sends the consenting shoppers as contacts and their orders as PURCHASE events', async () => {
    const shop = await startIdoSellSandbox();
    shop.seed(300);
    try {
      const dir = tempDir();
      const env = { ...smEnv(), IDOSELL_SHOP_URL: shop.url, IDOSELL_API_KEY: shop.apiKey };
      const run = await runInProcess(['backfill', 'idosell', '--to', 'salesmanago', '--no-subscribers', '--confirm-permission', '--report', 'r.json'], env, dir);
      expect(run.code).toBe(0);
      const data = shop.state.dataset();
      // The default consent mode: only shoppers with an approval for the order's shop (docs/idosell.md §9).
      const sent = data.orders.filter((order) => order.person.email !== '' && order.clientId !== 0 && data.client(order.clientId)!.approvedShops.includes(order.shopId));
      expect(sent.length).toBeGreaterThan(50);
      expect(sm.state.events()).toHaveLength(sent.length);
      expect(new Set(sm.state.contacts().map((contact) => contact.email))).toEqual(new Set(sent.map((order) => order.person.email.toLowerCase())));
      expect(new Set(sm.state.events().map((event) => event.externalId))).toEqual(new Set(sent.map((order) => String(order.orderId))));
    } finally {
      await shop.close();
    }
  });
});
