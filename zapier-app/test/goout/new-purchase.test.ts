import { ORGANIZER_ID } from '../../../test/sandbox/goout';
import { App, appTester, goOutHarness } from './harness';

let h: Awaited<ReturnType<typeof goOutHarness>>;

beforeAll(async () => {
  h = await goOutHarness();
  h.sandbox.seed(40, { foreignSales: 1 });
  await h.zapierRefresh();
});
afterAll(() => h.sandbox.close());

const trigger = App.triggers.new_purchase.operation;

it('returns normalised purchases newest first with id = purchase id, then only new ones', async () => {
  const first = await appTester(trigger.perform, { authData: h.authData(), inputData: { organizerId: ORGANIZER_ID } });
  // The sandbox seeds a few purchases without an e-mail; the core skips those.
  expect(first.length).toBeGreaterThan(30);
  expect(first.length).toBeLessThanOrEqual(40);
  const times = first.map((p: { purchased_at: string }) => Date.parse(p.purchased_at));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  for (const purchase of first) {
    expect(purchase.id).toMatch(/^\d+$/);
    expect(purchase.email).toBe(purchase.email.toLowerCase());
    expect(purchase.purchased_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(purchase.tags).toContain('GoOut');
  }
  expect(Object.keys(first[0])).toEqual(expect.arrayContaining(Object.keys(trigger.sample)));
  expect(new Set(first.map((p: { id: string }) => p.id)).size).toBe(first.length);

  h.sandbox.addPurchases(3);
  const second = await appTester(trigger.perform, { authData: h.authData(), inputData: { organizerId: ORGANIZER_ID } });
  expect(second.length).toBeGreaterThan(0);
  expect(second.length).toBeLessThanOrEqual(3);
  expect(second.every((p: { id: string }) => !first.some((q: { id: string }) => q.id === p.id))).toBe(true);
});

it('loads a small sample without touching the cursor', async () => {
  const sample = await appTester(trigger.perform, { authData: h.authData(), inputData: { organizerId: ORGANIZER_ID }, meta: { isLoadingSample: true } });
  expect(sample.length).toBeGreaterThan(0);
  expect(sample.length).toBeLessThanOrEqual(3);
});
