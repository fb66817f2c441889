import {
  IdoSellApiError,
  IdoSellAuthError,
  IdoSellOrderSource,
  IdoSellQuotaError,
  OrderCursor,
  shopSubscribers,
  type ShopOrder,
} from '@ecomail-bridge/shared/node';
import { PRODUCTS, categoryPath, startIdoSellSandbox, type IdoSellSandbox } from '../sandbox/idosell';
import { gateCounts, lookups, sandboxClient } from './helpers';

const ORDERS = 1000;
let sandbox: IdoSellSandbox;

beforeEach(async () => {
  sandbox = await startIdoSellSandbox();
  sandbox.seed(ORDERS);
});
afterEach(() => sandbox.close());

async function readAll(source: IdoSellOrderSource, cursor: OrderCursor, max?: number): Promise<ShopOrder[]> {
  const orders: ShopOrder[] = [];
  for await (const order of source.orders(cursor, { maxOrders: max })) orders.push(order);
  return orders;
}

describe('IdoSell order stream against the sandbox shop', () => {
  it('reads every order once, oldest change first, with one lookup per distinct product and client', async () => {
    const data = sandbox.state.dataset();
    const withEmail = data.orders.filter((order) => order.person.email !== '');
    const client = sandboxClient(sandbox);
    const source = new IdoSellOrderSource(client);
    const orders = await readAll(source, new OrderCursor(undefined));

    expect(orders.map((order) => order.orderId).sort()).toEqual(withEmail.map((order) => order.orderId).sort());
    expect(source.stats.skippedNoEmail).toBe(ORDERS - withEmail.length);
    expect(orders.map((order) => order.changedAt)).toEqual([...orders.map((order) => order.changedAt)].sort());

    const asked = lookups(sandbox);
    expect(asked.products.sort((a, b) => a - b)).toEqual(PRODUCTS.map((product) => product.id).filter((id) => data.orders.some((o) => o.lines.some((l) => l.productId === id))));
    const buyers = [...new Set(data.orders.filter((o) => o.clientId !== 0).map((o) => o.clientId))].sort((a, b) => a - b);
    expect(asked.clients.sort((a, b) => a - b)).toEqual(buyers);
    // Requests the shop counted are exactly the ones the client counted.
    expect(client.counter.total).toBe(sandbox.state.requestCount());
    expect(client.counter.byGate()).toEqual(gateCounts(sandbox));
    expect(sandbox.state.requests().every((r) => r.version === '7')).toBe(true);
    // Pages from 0, never more than 100.
    const searches = sandbox.state.requests().filter((r) => r.gate === '/orders/orders/search').map((r) => (r.body as { params: { resultsPage: number; resultsLimit: number } }).params);
    expect(searches[0]).toMatchObject({ resultsPage: 0, resultsLimit: 100 });
    expect(searches.every((params) => params.resultsLimit === 100)).toBe(true);
  });

  it('normalises a Polish order: buyer, consent for its own shop only, unit prices, the menu path in Polish', async () => {
    const data = sandbox.state.dataset();
    const raw = data.orders.find((o) => o.shopId === 2 && o.clientId !== 0 && data.client(o.clientId)!.approvedShops.join() === '2')!;
    const orders = await readAll(new IdoSellOrderSource(sandboxClient(sandbox)), new OrderCursor(undefined));
    const order = orders.find((o) => o.orderId === raw.orderId)!;
    const client = data.client(raw.clientId)!;
    expect(order.buyer).toEqual({
      email: raw.person.email,
      firstName: raw.person.firstName,
      lastName: raw.person.lastName,
      company: raw.person.company,
      phone: raw.person.phone,
      street: raw.person.street,
      zip: raw.person.zip,
      city: raw.person.city,
      country: 'PL',
      birthDate: client.person.birthDate,
      language: 'pl',
      clientId: String(raw.clientId),
      registered: true,
      newsletterConsent: true,
    });
    expect(order.currency).toBe('PLN');
    expect(order.lines).toEqual(
      raw.lines.map((line) => {
        const product = PRODUCTS.find((p) => p.id === line.productId)!;
        return { productId: String(product.id), name: product.names.pol, code: product.code, quantity: line.quantity, unitPrice: product.price.PLN, categoryPath: categoryPath(product.categoryId, 'pol') };
      }),
    );
    const cents = raw.lines.reduce((sum, line) => sum + Math.round(PRODUCTS.find((p) => p.id === line.productId)!.price.PLN * 100) * line.quantity, 0);
    expect(order.total).toBe(cents / 100);
    // Approval for the other shop only: no consent for this order.
    const elsewhere = data.orders.find((o) => o.shopId === 1 && o.clientId !== 0 && data.client(o.clientId)!.approvedShops.join() === '2')!;
    expect(orders.find((o) => o.orderId === elsewhere.orderId)!.buyer.newsletterConsent).toBe(false);
  });

  it('resumes from a saved cursor without repeating an order, and emits an order again when its status changes', async () => {
    const client = sandboxClient(sandbox);
    const cursor = new OrderCursor(undefined);
    const first = await readAll(new IdoSellOrderSource(client), cursor, 250);
    const saved = JSON.parse(JSON.stringify(cursor.toState()));
    const rest = await readAll(new IdoSellOrderSource(client), new OrderCursor(saved));
    const ids = [...first, ...rest].map((o) => o.orderId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(sandbox.state.dataset().orders.filter((o) => o.person.email !== '').length);

    const later = new OrderCursor(undefined);
    await readAll(new IdoSellOrderSource(client), later);
    const target = first[10];
    sandbox.state.dataset().changeStatus(target.orderId, 'canceled');
    const changed = await readAll(new IdoSellOrderSource(client), new OrderCursor(later.toState()));
    expect(changed.map((o) => [o.orderId, o.status, o.isPurchase])).toEqual([[target.orderId, 'canceled', false]]);
  });

  it('catches up without emitting or enriching anything, then emits only later changes', async () => {
    const source = new IdoSellOrderSource(sandboxClient(sandbox));
    const cursor = new OrderCursor(undefined);
    expect(await source.catchUp(cursor)).toBe(ORDERS);
    expect(Object.keys(gateCounts(sandbox))).toEqual(['/orders/orders/search']);
    expect(await readAll(source, new OrderCursor(cursor.toState()))).toEqual([]);
    const changed = sandbox.state.dataset().orders.find((o) => o.person.email !== '')!;
    sandbox.state.dataset().changeStatus(changed.orderId, 'packed');
    expect((await readAll(source, new OrderCursor(cursor.toState()))).map((o) => [o.orderId, o.status])).toEqual([[changed.orderId, 'packed']]);
  });

  it('turns faults inside HTTP 200 into errors, a wrong key into an auth error, and a used-up quota into a clear stop', async () => {
    sandbox.setFaults({ faultRate: 1 });
    await expect(readAll(new IdoSellOrderSource(sandboxClient(sandbox)), new OrderCursor(undefined))).rejects.toThrow(IdoSellApiError);
    sandbox.setFaults({});
    await expect(readAll(new IdoSellOrderSource(sandboxClient(sandbox, { apiKey: 'wrong' })), new OrderCursor(undefined))).rejects.toThrow(IdoSellAuthError);
    sandbox.setQuota(sandbox.state.requestCount() + 3);
    const error = await readAll(new IdoSellOrderSource(sandboxClient(sandbox)), new OrderCursor(undefined)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdoSellQuotaError);
    expect((error as Error).message).toContain("monthly API request limit is used up");
  });

  it('stops at its own request budget before the shop counts one more, and survives 5xx with retries', async () => {
    const budget = sandboxClient(sandbox, { budget: 4 });
    await expect(readAll(new IdoSellOrderSource(budget), new OrderCursor(undefined))).rejects.toThrow('request budget of 4');
    expect(sandbox.state.requestCount()).toBe(4);
    sandbox.state.clearRequests();
    sandbox.setFaults({ serverErrorRate: 0.2, seed: 7 });
    const orders = await readAll(new IdoSellOrderSource(sandboxClient(sandbox)), new OrderCursor(undefined));
    expect(orders).toHaveLength(sandbox.state.dataset().orders.filter((o) => o.person.email !== '').length);
    expect(sandbox.state.requests().filter((r) => r.status >= 500).length).toBe(6);
  });

  it('reads newsletter subscribers without an account who approved, page by page from 0', async () => {
    const data = sandbox.state.dataset();
    const stats = { read: 0, skippedNoEmail: 0, pages: 0 };
    const found: string[] = [];
    for await (const subscriber of shopSubscribers(sandboxClient(sandbox), [1, 2], stats)) found.push(`${subscriber.shopId}:${subscriber.email}`);
    const expected = data.subscribers.flatMap((s) => (s.registered === 'n' ? Object.entries(s.shops).filter(([, shop]) => shop!.approval === 'y').map(([id]) => `${id}:${s.email.toLowerCase()}`) : []));
    expect(found.sort()).toEqual(expected.sort());
    expect(stats.pages).toBe(Math.ceil(expected.length / 100));
  });
});
