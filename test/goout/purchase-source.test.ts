import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMemoryStateStore, GoOutPurchaseSource } from '@ecomail-bridge/shared/node';
import { ORGANIZER_ID } from '../sandbox/goout';
import { collect, goOutSetup } from './helpers';

const PURCHASES = '/services/reporting/v1/purchases';

/** A real GC handle without restarting Node, so heap figures count live objects, not garbage. */
function exposeGc(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

describe('GoOut purchase source against the sandbox', () => {
  let setup: Awaited<ReturnType<typeof goOutSetup>>;
  afterEach(() => setup.sandbox.close());

  it('pages sales and purchases, filters the organiser, enriches in batches and skips missing e-mails', async () => {
    setup = await goOutSetup();
    // 120 sales → 3 sales pages; 40 events and 6 venues to enrich.
    setup.sandbox.seed(1_500, { sales: 120, foreignSales: 2 });
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: 7 });
    const purchases = await collect(source.purchases({ organizerId: ORGANIZER_ID }));

    expect(purchases.length + source.stats.skippedNoEmail + source.stats.skippedRefunded).toBe(1_500);
    expect(source.stats.skippedRefunded).toBeGreaterThan(0);
    expect(purchases.every((p) => p.status === 'paid')).toBe(true);
    expect(source.stats.skippedNoEmail).toBeGreaterThan(0);
    expect(new Set(purchases.map((p) => p.purchaseId)).size).toBe(purchases.length);
    expect(purchases.every((p) => Number(p.purchaseId) < 900_000_000)).toBe(true); // no foreign sale

    const log = setup.sandbox.state.requests();
    expect(log.every((r) => r.status === 200)).toBe(true);
    const sizes = (path: string) => log.filter((r) => r.path === path).map((r) => r.query['ids[]'].length);
    const scheduleBatches = sizes('/services/entities/v2/schedules');
    expect(Math.max(...scheduleBatches)).toBeLessThanOrEqual(48);
    expect(scheduleBatches.reduce((a, b) => a + b, 0)).toBe(120); // each schedule fetched once
    expect(Math.max(...sizes('/services/entities/v2/events'))).toBeLessThanOrEqual(25);
    expect(sizes('/services/entities/v2/events').reduce((a, b) => a + b, 0)).toBe(40);
    expect(Math.max(...sizes('/services/entities/v2/venues'))).toBeLessThanOrEqual(25);
    expect(log.filter((r) => r.path === PURCHASES).every((r) => r.query.pageSize[0] === '7')).toBe(true);

    const p = purchases[0];
    expect(p.source).toBe('goout');
    expect(p.purchasedAt).toMatch(/\+01:00$/);
    expect(p.items.length).toBeGreaterThan(0);
    expect(p.items[0].currency).toBe('CZK');
    expect(p.items[0].dealName).toMatch(/stupenka/);
    expect(p.items[0].event?.name).toBeTruthy();
    expect(p.items[0].venue?.city).toBeTruthy();
    expect(p.items[0].schedule?.startAt).toMatch(/\+01:00$/);
    expect(p.derivedTags[0]).toBe('GoOut');
    for (const q of purchases) {
      expect(q.buyer.email).toBe(q.buyer.email.trim().toLowerCase());
      expect(q.derivedTags.includes('GoOut_newsletter')).toBe(q.buyer.newsletterConsent);
      if (q.buyer.language) expect(q.derivedTags).toContain(`GoOut_${q.buyer.language}`);
    }
    expect(purchases.some((q) => q.derivedTags.includes('storytelling'))).toBe(true);
    expect(purchases.some((q) => q.derivedTags.includes('jazz_club'))).toBe(true);
    // Returning buyers: the same e-mail on several purchases.
    expect(new Set(purchases.map((q) => q.buyer.email)).size).toBeLessThan(purchases.length);
  });

  it('emits only new purchases on the next run with the same state', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(300, { sales: 6, closedSales: 2 });
    const state = createMemoryStateStore();
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: 50 });
    const first = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    expect(first.length).toBe(300 - source.stats.skippedNoEmail - source.stats.skippedRefunded);

    const again = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    expect(again).toHaveLength(0);
    expect(source.stats.salesSkippedClosed).toBe(2);

    setup.sandbox.addPurchases(25);
    const next = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    const firstIds = new Set(first.map((p) => p.purchaseId));
    expect(next.length).toBe(25 - source.stats.skippedNoEmail - source.stats.skippedRefunded);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((p) => !firstIds.has(p.purchaseId))).toBe(true);

    // includeSeen replays everything that is still on open sales.
    const replay = await collect(source.purchases({ organizerId: ORGANIZER_ID, state, includeSeen: true }));
    expect(replay.length).toBe(first.length + next.length);
  });

  it('resumes after maxPurchases without losing or repeating purchases', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(200, { sales: 3 });
    const state = createMemoryStateStore();
    const source = new GoOutPurchaseSource(setup.client);
    const all = await collect(new GoOutPurchaseSource(setup.client).purchases({ organizerId: ORGANIZER_ID }));
    const seen: string[] = [];
    for (let run = 0; run < 10; run++) {
      const batch = await collect(source.purchases({ organizerId: ORGANIZER_ID, state, maxPurchases: 60 }));
      seen.push(...batch.map((p) => p.purchaseId));
      if (batch.length === 0) break;
    }
    expect(seen.sort()).toEqual(all.map((p) => p.purchaseId).sort());
  });

  it('honours since', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(400, { sales: 4, startDate: '2026-01-01T00:00:00Z' });
    const since = '2026-01-01T20:00:00+01:00';
    const source = new GoOutPurchaseSource(setup.client);
    const recent = await collect(source.purchases({ organizerId: ORGANIZER_ID, since }));
    expect(recent.length).toBeGreaterThan(0);
    expect(source.stats.skippedBeforeSince).toBeGreaterThan(0);
    expect(recent.every((p) => Date.parse(p.purchasedAt) >= Date.parse(since))).toBe(true);
  });

  it('fetches one sample purchase without touching state', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(50, { sales: 2 });
    const sample = await new GoOutPurchaseSource(setup.client).fetchOne({ organizerId: ORGANIZER_ID });
    expect(sample?.buyer.email).toContain('@');
    expect(setup.sandbox.state.requests().filter((r) => r.path === PURCHASES)).toHaveLength(1);
  });

  it('streams a large backfill in bounded memory', async () => {
    setup = await goOutSetup({ maxLoggedRequests: 10 });
    const total = 20_000;
    setup.sandbox.seed(total, { sales: 12 });
    const state = createMemoryStateStore();
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: 500, recentIds: 2_000 });
    let count = 0;
    let peakHeap = 0;
    const gc = exposeGc();
    gc();
    const baseHeap = process.memoryUsage().heapUsed;
    for await (const p of source.purchases({ organizerId: ORGANIZER_ID, state })) {
      if (p.purchaseId) count++;
      if (count % 10_000 === 0) {
        gc();
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - baseHeap);
      }
    }
    expect(count + source.stats.skippedNoEmail + source.stats.skippedRefunded).toBe(total);
    const cursor = (await state.get<{ recent: string[]; sales: object }>('goout.purchases'))!;
    expect(cursor.recent.length).toBeLessThanOrEqual(2_000);
    expect(Object.keys(cursor.sales)).toHaveLength(12);
    // Holding 20k records would take tens of MB; the stream keeps a page and bounded caches.
    expect(peakHeap).toBeLessThan(20 * 1024 * 1024);
    process.stdout.write(`goout backfill: ${count} purchases, live heap growth ${(peakHeap / 1048576).toFixed(1)} MB\n`);
  });
});
