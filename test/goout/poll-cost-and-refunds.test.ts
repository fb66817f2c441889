import { createMemoryStateStore, GoOutPurchaseSource, type StateStore } from '@ecomail-bridge/shared/node';
import { ORGANIZER_ID } from '../sandbox/goout';
import { collect, goOutSetup } from './helpers';

const PAGE_SIZE = 100;

describe('GoOut purchase source: cost of a poll and refunds', () => {
  let setup: Awaited<ReturnType<typeof goOutSetup>>;
  afterEach(() => setup.sandbox.close());

  /** Requests of one idle run after a first run has read a history of `pages` purchase pages. */
  async function idleRunRequests(pages: number): Promise<Record<string, number>> {
    setup = await goOutSetup({ maxLoggedRequests: 100 });
    setup.sandbox.seed(pages * PAGE_SIZE, { sales: 2, foreignSales: 0 });
    const state = createMemoryStateStore();
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: PAGE_SIZE });
    await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    expect(source.stats.purchasePagesRead).toBe(pages);
    setup.sandbox.state.clearRequests();
    const idle = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    expect(idle).toEqual([]);
    const byPath: Record<string, number> = {};
    for (const request of setup.sandbox.state.requests()) byPath[request.path] = (byPath[request.path] ?? 0) + 1;
    return byPath;
  }

  it('costs the same few requests when nothing is new, at 10 and at 1,000 pages of history', async () => {
    const expected = {
      // One sales page, the page each of the two sales stopped at, one page of the refund check.
      '/services/entitystore/v2/sales': 1,
      '/services/reporting/v1/purchases': 3,
    };
    const small = await idleRunRequests(10);
    await setup.sandbox.close();
    const long = await idleRunRequests(1_000);
    expect(small).toEqual(expected);
    expect(long).toEqual(expected);
    process.stdout.write(`goout idle poll: ${JSON.stringify(small)} at 10 pages, ${JSON.stringify(long)} at 1,000 pages\n`);
  }, 120_000);

  it('starts a first run with a `since` after the history at the end of each listing, not at page 0', async () => {
    setup = await goOutSetup({ maxLoggedRequests: 100 });
    setup.sandbox.seed(1_000 * PAGE_SIZE, { sales: 2, foreignSales: 0, startDate: '2025-01-01T00:00:00Z' });
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: PAGE_SIZE });
    // Between the last seeded purchase (2025-12-14 05:15 UTC) and the next one (05:20).
    const since = '2025-12-14T05:17:30Z';
    const state = createMemoryStateStore();
    expect(await collect(source.purchases({ organizerId: ORGANIZER_ID, since, state }))).toEqual([]);
    // Per sale of 500 pages: 19 probes (doubling to 512, halving back to 500), the empty page 500;
    // then one page of the refund check.
    expect(source.stats.purchasePagesRead).toBe(2 * 20 + 1);
    // The next run starts where this one ended.
    expect(await collect(source.purchases({ organizerId: ORGANIZER_ID, since, state }))).toEqual([]);
    expect(source.stats.purchasePagesRead).toBe(3);
    const [added] = setup.sandbox.addPurchases(1, 'paid');
    expect((await collect(source.purchases({ organizerId: ORGANIZER_ID, since, state }))).map((p) => p.purchaseId)).toEqual([added]);
  });

  it('leaves out purchases refunded before they were first seen, unless asked for', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(40, { sales: 2, foreignSales: 0 });
    const state = createMemoryStateStore();
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: 10 });
    await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));

    const [refunded] = setup.sandbox.addPurchases(1, 'refunded');
    const [paid] = setup.sandbox.addPurchases(1, 'paid');
    const next = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    expect(next.map((p) => [p.purchaseId, p.status])).toEqual([[paid, 'paid']]);
    expect(source.stats.skippedRefunded).toBe(1);
    // Passed over for good: neither a new purchase nor a refund later.
    for (let run = 0; run < 10; run++) expect(await collect(source.purchases({ organizerId: ORGANIZER_ID, state }))).toEqual([]);

    const included = await collect(
      new GoOutPurchaseSource(setup.client, { purchasesPageSize: 10 }).purchases({ organizerId: ORGANIZER_ID, includeSeen: true, includeRefunded: true }),
    );
    expect(included.filter((p) => p.purchaseId === refunded).map((p) => p.status)).toEqual(['refunded']);
  });

  it('emits a refund of an emitted purchase once, with status refunded, found by the refund check', async () => {
    setup = await goOutSetup();
    // Two sales of 10 pages each at 10 purchases a page.
    setup.sandbox.seed(200, { sales: 2, foreignSales: 0 });
    const state: StateStore = createMemoryStateStore();
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: 10 });
    const first = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    // An early purchase: listed on page 1 of its sale, long before the page the polls read.
    const target = first[25];
    expect(target.status).toBe('paid');
    setup.sandbox.refund(target.purchaseId);

    const emitted: Array<{ run: number; id: string; status: string }> = [];
    // 2 sales × 10 older pages: the check visits every one of them within 20 runs.
    for (let run = 0; run < 40; run++) {
      for (const p of await collect(source.purchases({ organizerId: ORGANIZER_ID, state }))) emitted.push({ run, id: p.purchaseId, status: p.status });
    }
    expect(emitted.map(({ id, status }) => [id, status])).toEqual([[target.purchaseId, 'refunded']]);
    expect(emitted[0].run).toBeLessThan(20);
  });

  it('reads a sale that was called off once more in whole, emitting the refunds, then leaves it', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(100, { sales: 2, foreignSales: 0 });
    const state = createMemoryStateStore();
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: 10 });
    const first = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    // Sale 50000 holds purchases 0, 2, 4, … (round-robin over two sales).
    const ofSale = first.filter((p) => Number(p.purchaseId) % 2 === 0).map((p) => p.purchaseId);
    setup.sandbox.cancelSale('50000');

    const refunds = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    expect(refunds.map((p) => [p.purchaseId, p.status])).toEqual(ofSale.map((id) => [id, 'refunded']));
    expect(source.stats.salesSkippedClosed).toBe(0);
    const after = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    expect([after, source.stats.salesSkippedClosed]).toEqual([[], 1]);
  });

  it('reads a sale again from the start when its listing got shorter, without repeating a purchase', async () => {
    setup = await goOutSetup();
    setup.sandbox.seed(60, { sales: 1, foreignSales: 0 });
    const state = createMemoryStateStore();
    const source = new GoOutPurchaseSource(setup.client, { purchasesPageSize: 10 });
    const first = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    // As if GoOut had dropped entries: the cursor believes the listing is longer than it is.
    const cursor = (await state.get<{ sales: Record<string, { n?: number }> }>('goout.purchases'))!;
    const [saleId] = Object.keys(cursor.sales);
    await state.set('goout.purchases', { ...cursor, sales: { [saleId]: { ...cursor.sales[saleId], n: 75 } } });

    const [added] = setup.sandbox.addPurchases(1, 'paid');
    const next = await collect(source.purchases({ organizerId: ORGANIZER_ID, state }));
    expect(next.map((p) => p.purchaseId)).toEqual([added]);
    expect(first.map((p) => p.purchaseId)).not.toContain(added);
    const after = (await state.get<{ sales: Record<string, { n?: number }> }>('goout.purchases'))!;
    expect(after.sales[saleId].n).toBe(61);
  });
});
