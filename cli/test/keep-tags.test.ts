import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { ORGANIZER_ID, startGoOutSandbox, type GoOutSandbox } from '../../test/sandbox/goout';
import { callsByEndpoint, existingBuyers, lostTags, organiserPurchases, seedExistingBuyers, type ExistingBuyers } from './existing-buyers';
import { backfillEnv, runInProcess, tempDir } from './helpers';

/** Two batches of the CLI (3,000 purchases each), so the run's one ContactDirectory serves both. */
const PURCHASES = 4000;
const BATCH = 3000;
const ORDERS_PER_CALL = 1000;

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

describe('backfill goout keeping tags, into a list where 10% of the buyers already exist', () => {
  let ecomail: EcomailSandbox;
  let goout: GoOutSandbox;
  let before: ExistingBuyers;
  let emails: string[];

  beforeAll(async () => {
    ecomail = await startEcomailSandbox();
    goout = await startGoOutSandbox();
    goout.seed(PURCHASES);
    emails = organiserPurchases(goout).map((purchase) => purchase.email);
    await seedExistingBuyers(ecomail, emails, { share: 0.1, unsubscribeEvery: 4 });
    before = existingBuyers(ecomail.state);
  });
  afterAll(() => Promise.all([ecomail.close(), goout.close()]));

  it('reads only the contacts that exist, lists the account once, and keeps every existing tag', async () => {
    // The scenario is what it says: existing buyers in list 1 (some unsubscribed) and only in list 2.
    expect(before.tags.size).toBe(Math.ceil(new Set(emails).size / 10));
    expect(before.onlyInOtherList).toBeGreaterThan(0);
    expect(before.unsubscribed).toBeGreaterThan(0);

    const seeding = ecomail.state.calls().length;
    const dir = tempDir();
    const run = await runInProcess(
      ['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', '--confirm-permission', '--report', 'r.json'],
      backfillEnv(ecomail, goout),
      dir,
    );
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);

    // Expected from the dataset: each batch reads the seeded buyers in it; buyers the run itself
    // created in an earlier batch are not read again (the run knows the tags it wrote), but they
    // are written as existing contacts, with those tags kept.
    const seeded = new Set(before.tags.keys());
    const known = new Set(seeded);
    const reads: string[] = [];
    let bulkCalls = 0;
    let orderCalls = 0;
    for (const batch of chunks(emails, BATCH)) {
      const distinct = [...new Set(batch)];
      const existing = distinct.filter((email) => known.has(email));
      reads.push(...distinct.filter((email) => seeded.has(email)));
      bulkCalls += (existing.length > 0 ? 1 : 0) + (existing.length < distinct.length ? 1 : 0);
      orderCalls += Math.ceil(batch.length / ORDERS_PER_CALL);
      for (const email of distinct) known.add(email);
    }
    const calls = ecomail.state.calls().slice(seeding);
    expect(callsByEndpoint(calls)).toEqual({
      'GET /lists/1': 2, // the CLI's check of the list, then the listing plan
      'GET /lists': 1,
      'GET /lists/2': 1,
      'GET /lists/1/subscribers': 2, // subscribed and unsubscribed members, 5,000 a page
      'GET /lists/2/subscribers': 1,
      'GET /subscribers/:email': reads.length,
      'POST /lists/1/subscribe-bulk': bulkCalls,
      'POST /tracker/transaction-bulk': orderCalls,
    });
    const read = calls.filter((call) => call.path.startsWith('/subscribers/')).map((call) => decodeURIComponent(call.path.slice('/subscribers/'.length)));
    expect(read.sort()).toEqual(reads.sort());
    expect(lostTags(ecomail.state, before)).toEqual([]);
    expect(ecomail.state.contacts().filter((contact) => contact.lists['1']).length).toBe(new Set(emails).size);

    const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    const perBatch = chunks(emails, BATCH).map((batch) => new Set(batch).size);
    expect(report.counts).toMatchObject({
      read: emails.length,
      contacts: perBatch.reduce((sum, n) => sum + n, 0),
      merged: emails.length - perBatch.reduce((sum, n) => sum + n, 0),
      failed: 0,
      ordersSent: emails.length,
      ordersFailed: 0,
    });
  });
});
