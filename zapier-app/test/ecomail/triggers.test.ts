import { appTester, App, ecomailHarness } from './harness';

let h: Awaited<ReturnType<typeof ecomailHarness>>;

beforeAll(async () => {
  h = await ecomailHarness({ lists: [{ id: 7, name: 'Festival newsletter' }, { id: 8, name: 'Partners' }] });
});
afterAll(() => h.sandbox.close());

it('the hidden list trigger feeds the list dropdowns', async () => {
  const lists = await appTester(App.triggers.list.operation.perform, { authData: h.authData });
  expect(lists).toEqual([
    { id: '7', name: 'Festival newsletter' },
    { id: '8', name: 'Partners' },
  ]);
});

it('New Subscriber on List returns subscribed members newest first with an e-mail + time id', async () => {
  const add = (email: string, consent = 'true') =>
    appTester(App.creates.create_or_update_contact.operation.perform, { authData: h.authData, inputData: { listId: '7', email, consent } });
  await add('first@example.cz');
  await add('second@example.cz');
  await add('gone@example.cz', 'false');
  const items = await appTester(App.triggers.new_subscriber.operation.perform, { authData: h.authData, inputData: { listId: '7' } });
  expect(items.map((item: { email: string }) => item.email).sort()).toEqual(['first@example.cz', 'second@example.cz']);
  for (const item of items) {
    expect(item.id).toBe(`${item.email}|${item.subscribed_at}`);
    expect(item.subscribed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(item).toMatchObject({ list_id: 7 });
  }
  const times = items.map((item: { subscribed_at: string }) => item.subscribed_at);
  expect([...times].sort().reverse()).toEqual(times);
  // Every key of the static sample is in the live record (Zapier check T004).
  expect(Object.keys(items[0])).toEqual(expect.arrayContaining(Object.keys(App.triggers.new_subscriber.operation.sample)));
});
