import {
  EcomailClient,
  REPEATED_DELIVERY_REASON,
  createNodeRuntime,
  recordEllityEvents,
  syncGoOutPurchases,
} from '@ecomail-bridge/shared/node';
import { startEcomailSandbox } from '../sandbox/ecomail';
import { ellity, purchase } from './fixtures';

type Sandbox = Awaited<ReturnType<typeof startEcomailSandbox>>;
let sandbox: Sandbox;
let client: EcomailClient;

beforeEach(async () => {
  sandbox = await startEcomailSandbox({ apiKeys: ['jobs-key'] });
  client = new EcomailClient({ apiKey: 'jobs-key', baseUrl: sandbox.url, ...createNodeRuntime() });
});
afterEach(() => sandbox.close());

describe('syncGoOutPurchases', () => {
  it('merges a buyer with two purchases in one batch: both category tags, one contact row, two orders in one bulk call', async () => {
    const { outcomes } = await syncGoOutPurchases(client, 1, [
      purchase('p1', 'petr@example.cz', 'drama', false),
      purchase('p2', 'petr@example.cz', 'koncert', true),
      purchase('p3', 'eva@example.cz', 'drama', false),
    ]);
    expect(outcomes.map((o) => [o.contact.status, o.contact.duplicateOf, o.order?.status])).toEqual([
      ['saved', undefined, 'sent'],
      ['saved', 0, 'sent'],
      ['saved', undefined, 'sent'],
    ]);
    const petr = sandbox.state.contact('petr@example.cz');
    expect([petr?.name, petr?.surname, petr?.vokativ, petr?.tags]).toEqual(['Petr', 'Novák', 'Petře', ['GoOut', 'GoOut_cs', 'drama', 'GoOut_newsletter', 'koncert']]);
    expect(sandbox.state.contact('eva@example.cz')?.tags).toEqual(['GoOut', 'GoOut_cs', 'drama']);
    expect(sandbox.state.transactions().map((t) => [t.order_id, t.email, t.bulk])).toEqual([
      ['p1', 'petr@example.cz', true],
      ['p2', 'petr@example.cz', true],
      ['p3', 'eva@example.cz', true],
    ]);
    expect(sandbox.state.calls().filter((c) => c.path.startsWith('/tracker/')).map((c) => c.path)).toEqual(['/tracker/transaction-bulk']);
  });

  it('sends single orders when automations are on, so Ecomail starts "made an order" automations', async () => {
    await syncGoOutPurchases(client, 1, [purchase('p1', 'petr@example.cz', 'drama', true), purchase('p4', 'jan@example.cz', 'drama', true, 'refunded')], {
      subscribe: { triggerAutomations: true },
    });
    expect(sandbox.state.transactions().map((t) => [t.order_id, t.status, t.bulk])).toEqual([
      ['p1', 'completed', false],
      ['p4', 'canceled', false],
    ]);
  });

  it('sends no order when orders are off and none for a buyer who was not saved', async () => {
    const { outcomes } = await syncGoOutPurchases(client, 1, [purchase('p1', 'petr@example.cz', 'drama', true), purchase('p2', 'not-an-email', 'drama', true)]);
    expect(outcomes.map((o) => [o.contact.status, o.order?.status])).toEqual([
      ['saved', 'sent'],
      ['rejected', undefined],
    ]);
    await syncGoOutPurchases(client, 1, [purchase('p9', 'eva@example.cz', 'drama', true)], { createOrders: false });
    expect(sandbox.state.transactions().map((t) => t.order_id)).toEqual(['p1']);
  });
});

describe('recordEllityEvents', () => {
  it('updates members (fields first, then the event), skips strangers and repeats, subscribes nobody', async () => {
    await client.upsertContact(1, { email: 'member@example.cz' });
    const before = sandbox.state.calls().length;
    const outcomes = await recordEllityEvents(client, 1, [
      ellity('member@example.cz', '100'),
      ellity('stranger@example.cz', '50'),
      ellity('member@example.cz', '100'),
    ]);
    expect(outcomes.map((o) => [o.email, o.status, 'reason' in o ? o.reason : undefined])).toEqual([
      ['member@example.cz', 'recorded', undefined],
      ['stranger@example.cz', 'skipped', 'not in the list (import mode: only update existing)'],
      ['member@example.cz', 'skipped', REPEATED_DELIVERY_REASON],
    ]);
    expect(sandbox.state.contact('stranger@example.cz') ?? null).toBeNull();
    expect(sandbox.state.contact('member@example.cz')?.lists['1'].c_fields.ellity_credit_num).toBe(100);
    expect(sandbox.state.events().map((e) => [e.email, e.label])).toEqual([['member@example.cz', 'credit']]);
    const writes = sandbox.state.calls().slice(before).filter((c) => c.method !== 'GET').map((c) => c.path);
    expect(writes).toEqual(['/lists/1/update-subscriber', '/tracker/events']);
  });
});
