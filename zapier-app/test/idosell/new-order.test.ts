import { startIdoSellSandbox, type IdoSellSandbox } from '../../../test/sandbox/idosell';
import IdoSellApp from '../../src/idosell';
import { POLL_LIMIT } from '../../src/idosell/triggers/new-order';
import { tester, type Loose } from '../app-tester';

const App: Loose = IdoSellApp;
const appTester = tester(IdoSellApp);
let sandbox: IdoSellSandbox;
const HOUR = 3_600_000;

beforeEach(async () => {
  sandbox = await startIdoSellSandbox();
  const data = sandbox.seed(0);
  // 150 orders placed over the last 150 minutes, and none before: the poll window holds them all.
  data.addOrders(150, Date.now() - 150 * 60_000);
});
afterEach(() => sandbox.close());

const authData = () => ({ shopUrl: sandbox.url, apiKey: sandbox.apiKey, apiVersion: '7' });
type Order = { id: string; placed_at: string; status: string; email: string; line_items: Array<{ unit_price: number; category_path: string }> };
/** Ids of the newest orders that are purchases, from the sandbox's own records. */
function newestPurchases(n: number): string[] {
  return sandbox.state
    .dataset()
    .orders.filter((o) => o.person.email !== '' && !['canceled', 'false', 'lost'].includes(o.status))
    .sort((a, b) => b.addDate.localeCompare(a.addDate))
    .slice(0, n)
    .map((o) => o.orderId);
}
const poll = (meta: Record<string, unknown> = {}): Promise<Order[]> => appTester(App.triggers.new_order.operation.perform, { authData: authData(), meta });

it('returns the newest orders placed, newest first, without cancelled ones, id = order id', async () => {
  const items = await poll();
  expect(items.map((item) => item.id)).toEqual(newestPurchases(POLL_LIMIT));
  expect(items[0].line_items.every((line) => line.unit_price > 0 && line.category_path.split(' / ').length >= 2)).toBe(true);
});

it('a sample is the three newest; an order cancelled since is no longer offered', async () => {
  const sample = await poll({ isLoadingSample: true });
  expect(sample).toHaveLength(3);
  expect(sample.map((item) => item.id)).toEqual(newestPurchases(3));
  sandbox.state.dataset().changeStatus(sample[0].id, 'canceled', Date.now() - HOUR);
  const after = await poll({ isLoadingSample: true });
  expect(after.map((item) => item.id)).toEqual(newestPurchases(3));
  expect(after[0].id).toBe(sample[1].id);
});

it('connection test: a wrong key is an expired-auth error naming the key, the right one labels the shop', async () => {
  expect(await appTester(App.authentication.test, { authData: authData() })).toEqual({ shop: sandbox.url.replace('http://', '') });
  await expect(appTester(App.authentication.test, { authData: { ...authData(), apiKey: 'wrong' } })).rejects.toThrow('IdoSell refused the API key (HTTP 401');
});
