import { DEFAULT_CREATE_ORDERS, DEFAULT_SHOP_CONSENT_MODE, DEFAULT_SHOP_SEGMENT_TAGS, NO_SHOP_CONSENT_REASON, SHOP_CONSENT_MODE_TEXT } from '@ecomail-bridge/shared';
import { consents, expectedShopState, shopStateOf } from '../../../test/idosell/expected-state';
import { startIdoSellSandbox, type IdoSellSandbox } from '../../../test/sandbox/idosell';
import IdoSellApp from '../../src/idosell';
import { orderRecord, orderSample } from '../../src/idosell/order-record';
import { zapierWording } from '../../src/platform/wording';
import { tester, type Loose } from '../app-tester';
import { addShopOrderInput } from '../idosell/record-to-shop-order';
import { App, sandboxPerFile } from './harness';

const { h: harness, run } = sandboxPerFile();
const LIST = '1';
const addShopOrder = (inputData: Record<string, unknown>) => run('add_shop_order', { listId: LIST, ...inputData });
const idosellTester = tester(IdoSellApp);
const IdoSell: Loose = IdoSellApp;
const sampleInput = () => addShopOrderInput(orderSample as unknown as ReturnType<typeof orderRecord>);
const field = (key: string) => (App.creates.add_shop_order.operation.inputFields as Array<Record<string, unknown>>).find((f) => f.key === key)!;

let idosell: IdoSellSandbox;
beforeEach(async () => {
  idosell = await startIdoSellSandbox();
  // June's history (outside New Order's two-day window) gives the shop its 50 customer accounts.
  idosell.seed(100);
});
afterEach(() => idosell.close());

/** One Zap run per order New Order hands over, as Zapier runs a Zap; halts ("nothing to do") counted apart. */
async function runZap(records: Array<ReturnType<typeof orderRecord>>, extra: Record<string, unknown> = {}) {
  const outcomes: Array<Record<string, unknown> | string> = [];
  for (const record of records) {
    try {
      outcomes.push(await addShopOrder({ ...addShopOrderInput(record), ...extra }));
    } catch (error) {
      if ((error as { name?: string }).name !== 'HaltedError') throw error;
      // The app tester adds what it ran below the message.
      outcomes.push((error as Error).message.split('\n')[0]);
    }
  }
  return outcomes;
}

describe('Add IdoSell Shop Order', () => {
  it('New Order → Add IdoSell Shop Order, mapped 1:1: consenting shoppers with their category tags and orders; the others halt with the reason', async () => {
    const data = idosell.state.dataset();
    data.addOrders(60, Date.now() - 60 * 60_000);
    const records: Array<ReturnType<typeof orderRecord>> = await idosellTester(IdoSell.triggers.new_order.operation.perform, {
      authData: { shopUrl: idosell.url, apiKey: idosell.apiKey, apiVersion: '7' },
    });
    const purchases = data.orders.slice(100).filter((o) => o.person.email !== '' && !['canceled', 'false', 'lost'].includes(o.status));
    expect(records.map((r) => r.id).sort()).toEqual(purchases.map((o) => o.orderId).sort());

    const outcomes = await runZap(records);
    const halted = records.filter((r) => !consents(data, data.orders.find((o) => o.orderId === r.id)!));
    expect(halted.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => typeof o === 'string')).toEqual(halted.map((r) => `${r.email} was not saved: ${zapierWording(NO_SHOP_CONSENT_REASON)}.`));
    expect(shopStateOf(harness().sandbox)).toEqual(expectedShopState(data, purchases));
  });

  it('a cancellation mapped later changes the status of the order sent before, adding no purchase and no category tag', async () => {
    const first = await addShopOrder(sampleInput());
    expect([first.order_sent, first.order_kind, first.tags]).toEqual([true, 'purchase', ['IdoSell', 'IdoSell_cs', 'IdoSell_newsletter', 'rejestracja', 'Oblečení', 'Dámské', 'Šaty']]);
    const cancelled = await addShopOrder({ ...sampleInput(), status: 'canceled', lines: [] });
    expect([cancelled.order_sent, cancelled.order_kind]).toEqual([true, 'status-change']);
    expect(harness().sandbox.state.transactions().map((tx) => [tx.order_id, tx.status, tx.amount])).toEqual([['cz-100042', 'canceled', 3070]]);
    expect(harness().sandbox.state.contact('jana.novakova@example.cz')?.tags).toEqual(first.tags);
  });

  it('"Everybody" saves a shopper without consent without the newsletter tag; a subscriber without an account gets the newsletter tag and no order', async () => {
    const result = await addShopOrder({ ...sampleInput(), newsletterConsent: 'false', consentMode: 'everybody', registeredTag: 'konto', categoryTags: 'false' });
    expect([result.tags, result.newsletter_consent]).toEqual([['IdoSell', 'IdoSell_cs', 'konto'], false]);
    const subscriber = await addShopOrder({ recordType: 'subscriber', email: 'Anna.Nowak@wp.pl', language: 'pol', shopId: '2' });
    expect([subscriber.email, subscriber.tags, subscriber.record_type, subscriber.order_sent, subscriber.order_id]).toEqual([
      'anna.nowak@wp.pl',
      ['IdoSell', 'IdoSell_pl', 'IdoSell_newsletter', 'newsletter'],
      'subscriber',
      false,
      null,
    ]);
    expect(harness().sandbox.state.transactions().map((tx) => tx.email)).toEqual(['jana.novakova@example.cz']);
  });

  it('an order without its id is refused with the reason, nothing sent', async () => {
    await expect(addShopOrder({ ...sampleInput(), orderId: '' })).rejects.toThrow('an order needs its order id');
    expect(harness().sandbox.state.calls()).toEqual([]);
  });

  it('offers the list as a dropdown and the choices with the core’s labels and defaults', () => {
    expect(field('listId').dynamic).toBe('list.id.name');
    expect(App.triggers.list).toBeDefined();
    expect([field('consentMode').default, field('consentMode').choices]).toEqual([
      DEFAULT_SHOP_CONSENT_MODE,
      Object.entries(SHOP_CONSENT_MODE_TEXT).map(([value, text]) => ({ value, label: text.label, sample: value })),
    ]);
    expect([field('createOrder').default, field('registeredTag').default, field('newsletterTag').default]).toEqual([
      String(DEFAULT_CREATE_ORDERS),
      DEFAULT_SHOP_SEGMENT_TAGS.registered,
      DEFAULT_SHOP_SEGMENT_TAGS.newsletter,
    ]);
  });
});
