import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { startIdoSellSandbox, type IdoSellDataset, type IdoSellSandbox } from '../../test/sandbox/idosell';
import { expectNoSecrets, runInProcess, tempDir } from './helpers';

const ORDERS = 2000;
const FAST = ['--tag-handling', 'replace'];

interface Pair {
  ecomail: EcomailSandbox;
  idosell: IdoSellSandbox;
  env: Record<string, string>;
}

async function startPair(): Promise<Pair> {
  const ecomail = await startEcomailSandbox();
  const idosell = await startIdoSellSandbox();
  idosell.seed(ORDERS);
  return {
    ecomail,
    idosell,
    env: { ECOMAIL_API_KEY: ecomail.apiKey, ECOMAIL_BASE_URL: ecomail.url, IDOSELL_SHOP_URL: idosell.url, IDOSELL_API_KEY: idosell.apiKey },
  };
}

/** What the sandbox shop holds, computed from its dataset alone. */
function expected(data: IdoSellDataset, mode: 'consented' | 'everybody' = 'consented') {
  const withEmail = data.orders.filter((order) => order.person.email !== '');
  const consents = (order: (typeof withEmail)[number]) => order.clientId !== 0 && data.client(order.clientId)!.approvedShops.includes(order.shopId);
  const sent = mode === 'everybody' ? withEmail : withEmail.filter(consents);
  const subscribers = data.subscribers.flatMap((s) => (s.registered === 'n' ? Object.values(s.shops).filter((shop) => shop!.approval === 'y').map(() => s.email.toLowerCase()) : []));
  return {
    records: withEmail.length + subscribers.length,
    noEmail: data.orders.length - withEmail.length,
    orders: sent.map((order) => order.orderId),
    withoutConsent: withEmail.length - withEmail.filter(consents).length,
    emails: new Set([...sent.map((order) => order.person.email.toLowerCase()), ...subscribers]),
    newsletterTagged: new Set([...withEmail.filter(consents).map((order) => order.person.email.toLowerCase()), ...subscribers]),
  };
}

const args = (...extra: string[]) => ['backfill', 'idosell', '--list', '1', ...FAST, '--confirm-permission', '--checkpoint', 'cp.json', '--report', 'report.json', ...extra];
const report = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'));

describe('ecomail-bridge backfill idosell', () => {
  let pair: Pair;
  beforeEach(async () => {
    pair = await startPair();
  });
  afterEach(() => Promise.all([pair.ecomail.close(), pair.idosell.close()]));

  it('exports subscribers and every consenting shopper with their orders, and counts the IdoSell requests', async () => {
    const dir = tempDir();
    const want = expected(pair.idosell.state.dataset());
    const run = await runInProcess(args(), pair.env, dir);
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const json = report(dir);
    expect(json.outcome).toBe('complete');
    expect(json.counts.read).toBe(want.records);
    expect(json.skippedReasons).toEqual({
      'no e-mail newsletter consent for this shop (consent mode: only shoppers who consented)': want.withoutConsent,
      'IdoSell order without an e-mail address': want.noEmail,
    });
    const contacts = pair.ecomail.state.contacts();
    expect(new Set(contacts.map((c) => c.email))).toEqual(want.emails);
    expect(new Set(contacts.filter((c) => c.tags.includes('IdoSell_newsletter')).map((c) => c.email))).toEqual(want.newsletterTagged);
    expect(json.counts.ordersSent).toBe(want.orders.length);
    expect(pair.ecomail.state.transactions().map((t) => t.order_id).sort()).toEqual([...new Set(want.orders)].sort());
    // The report's request count is what the shop counted.
    expect(json.source.idosellRequests).toBe(pair.idosell.state.requestCount());
    expect(json.source['idosellRequests /orders/orders/search']).toBe(json.source.orderPages);
    expect(run.stdout).toContain('backfill idosell → Ecomail list 1');
    expectNoSecrets([run.stdout, run.stderr, readFileSync(path.join(dir, 'cp.json'), 'utf8'), readFileSync(path.join(dir, 'report.json'), 'utf8')], [pair.idosell.apiKey, pair.ecomail.apiKey]);
  });

  it('everybody: non-consenting shoppers are stored without the newsletter tag', async () => {
    const dir = tempDir();
    const want = expected(pair.idosell.state.dataset(), 'everybody');
    const run = await runInProcess(args('--consent-mode', 'everybody', '--no-subscribers'), pair.env, dir);
    expect(run.code).toBe(0);
    const contacts = pair.ecomail.state.contacts();
    const orderEmails = new Set(pair.idosell.state.dataset().orders.filter((o) => o.person.email).map((o) => o.person.email.toLowerCase()));
    expect(new Set(contacts.map((c) => c.email))).toEqual(orderEmails);
    const consenting = expected(pair.idosell.state.dataset()).newsletterTagged;
    expect(contacts.filter((c) => c.tags.includes('IdoSell_newsletter') && !consenting.has(c.email))).toEqual([]);
    expect(report(dir).counts.ordersSent).toBe(want.orders.length);
  });

  it('a dry run reads the shop and sends nothing to Ecomail', async () => {
    const dir = tempDir();
    const want = expected(pair.idosell.state.dataset());
    const run = await runInProcess(['backfill', 'idosell', '--list', '1', '--dry-run', '--report', 'report.json'], pair.env, dir);
    expect(run.code).toBe(0);
    expect(pair.ecomail.state.calls()).toEqual([]);
    const json = report(dir);
    expect(json.counts.read).toBe(want.records);
    expect(json.counts.contacts).toBe(json.counts.read - json.counts.merged);
    expect(json.skippedReasons).toEqual({
      'no e-mail newsletter consent for this shop (consent mode: only shoppers who consented)': want.withoutConsent,
      'IdoSell order without an e-mail address': want.noEmail,
    });
  });

  it('a used-up monthly quota stops the run clearly; the next run resumes without sending anything twice', async () => {
    const dir = tempDir();
    const want = expected(pair.idosell.state.dataset());
    pair.idosell.setQuota(30);
    const first = await runInProcess(args(), pair.env, dir);
    expect(first.code).toBe(4);
    expect(first.stdout).toContain("the shop's monthly API request limit is used up");
    expect(report(dir).outcome).toBe('interrupted');
    pair.idosell.setQuota(undefined);
    const second = await runInProcess(args(), pair.env, dir);
    expect(second.code).toBe(0);
    expect(new Set(pair.ecomail.state.contacts().map((c) => c.email))).toEqual(want.emails);
    expect(report(dir).totals.ordersSent).toBe(want.orders.length);
    const txCalls = pair.ecomail.state.calls().filter((c) => c.path.endsWith('/transaction-bulk'));
    const sentOrders = txCalls.flatMap((c) => (c.body as { transaction_data: Array<{ transaction: { order_id: string } }> }).transaction_data.map((t) => t.transaction.order_id));
    expect(sentOrders.length).toBe(want.orders.length);
    expect(new Set(sentOrders).size).toBe(new Set(want.orders).size);
  });

  it('without the shop URL or key it says what to set', async () => {
    const run = await runInProcess(args(), { ECOMAIL_API_KEY: 'x' }, tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: No IdoSell shop: set IDOSELL_SHOP_URL (e.g. https://clientXXXX.idosell.com) and IDOSELL_API_KEY (shop panel → Administration → API → Admin API access keys).\n');
  });
});
