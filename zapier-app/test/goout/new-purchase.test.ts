import { FOREIGN_ORGANIZER_ID, ORGANIZER_ID } from '../../../test/sandbox/goout';
import { POLL_LIMIT } from '../../src/goout/triggers/new-purchase';
import { App, appTester, goOutHarness } from './harness';

let h: Awaited<ReturnType<typeof goOutHarness>>;

beforeAll(async () => {
  h = await goOutHarness();
  h.sandbox.seed(40, { foreignSales: 1 });
  await h.zapierRefresh();
});
afterAll(() => h.sandbox.close());

const trigger = App.triggers.new_purchase.operation;
type Purchase = { id: string; purchased_at: string; email: string; tags: string[] };
const poll = (meta: Record<string, unknown> = {}): Promise<Purchase[]> =>
  appTester(trigger.perform, { authData: h.authData(), inputData: { organizerId: ORGANIZER_ID }, meta });

/**
 * Zapier's side of a polling trigger, for one Zap: the first poll only records the ids it saw
 * (`isPopulatingDedupe`), later polls trigger on ids this Zap has not seen (deduplication is per Zap).
 */
function zap() {
  const seen = new Set<string>();
  return async (): Promise<string[]> => {
    const seeding = seen.size === 0;
    const items = await poll(seeding ? { isPopulatingDedupe: true } : {});
    const fresh = items.map((item) => item.id).filter((id) => !seen.has(id));
    fresh.forEach((id) => seen.add(id));
    return seeding ? [] : fresh;
  };
}

it('returns normalised purchases newest first with id = purchase id', async () => {
  const items = await poll();
  // 40 seeded plus 3 of another organiser; the core skips those without an e-mail and those
  // already refunded when read.
  expect(items).toHaveLength(31);
  const times = items.map((p) => Date.parse(p.purchased_at));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  for (const purchase of items) {
    expect(purchase.id).toMatch(/^\d+$/);
    expect(purchase.email).toBe(purchase.email.toLowerCase());
    expect(purchase.purchased_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(purchase.tags[0]).toBe('GoOut');
  }
  expect(Object.keys(items[0])).toEqual(expect.arrayContaining(Object.keys(trigger.sample)));
  expect(new Set(items.map((p) => p.id)).size).toBe(items.length);
  expect(POLL_LIMIT).toBe(100);
});

it('two Zaps on one connection each get every new purchase (no shared cursor)', async () => {
  const zapA = zap();
  const zapB = zap();
  expect(await zapA()).toEqual([]);
  expect(await zapB()).toEqual([]);
  const before = new Set((await poll()).map((p) => p.id));
  h.sandbox.addPurchases(3);
  const newest = (await poll()).map((p) => p.id).filter((id) => !before.has(id));
  expect(newest).toHaveLength(3);
  expect(await zapA()).toEqual(newest);
  expect(await zapB()).toEqual(newest);
  // Nothing new: neither Zap triggers again.
  expect(await zapA()).toEqual([]);
  expect(await zapB()).toEqual([]);
});

it('loads the newest purchases as the sample', async () => {
  const all = await poll();
  const sample = await poll({ isLoadingSample: true });
  expect(sample.map((p) => p.id)).toEqual(all.slice(0, 3).map((p) => p.id));
});

it('offers the organizers the login sees as a dropdown', async () => {
  const field = trigger.inputFields.find((input: { key: string }) => input.key === 'organizerId');
  expect(field).toMatchObject({ label: 'Organizer', dynamic: 'organizer.id.name' });
  const choices = await appTester(App.triggers.organizer.operation.perform, { authData: h.authData() });
  expect(choices).toEqual([
    { id: ORGANIZER_ID, name: 'Organizer 101 (1 sale)' },
    { id: FOREIGN_ORGANIZER_ID, name: 'Organizer 999 (1 sale)' },
  ]);
});

it('refuses a plain-http API base URL in the connection test and the refresh too, sending nothing', async () => {
  const requests = h.sandbox.state.requestCount();
  const bundle = { authData: { ...h.authData(), baseUrl: 'http://goout.net' }, inputData: {} };
  for (const method of [App.authentication.test, App.authentication.sessionConfig.perform]) {
    const error = await appTester(method, bundle).catch((caught: Error) => caught);
    expect([error.name, JSON.parse(error.message).code]).toEqual(['AppError', 'InvalidInput']);
  }
  expect(h.sandbox.state.requestCount()).toBe(requests);
});

it('refuses a plain-http API base URL before sending anything', async () => {
  const requests = h.sandbox.state.requestCount();
  const error = await appTester(trigger.perform, { authData: { ...h.authData(), baseUrl: 'http://goout.net' }, inputData: {} }).catch((caught: Error) => caught);
  expect(error.name).toBe('AppError');
  expect(JSON.parse(error.message)).toEqual({
    message: 'The GoOut API Base URL must start with https:// (it is "http://goout.net"): over plain http the credentials would travel unencrypted. Edit the connection.',
    code: 'InvalidInput',
    status: 400,
  });
  expect(h.sandbox.state.requestCount()).toBe(requests);
});
