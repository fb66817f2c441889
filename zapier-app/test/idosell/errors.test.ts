/**
 * IdoSell's errors are made by the app's afterResponse middleware: checked with requests through
 * z.request alone (no core in between) and through the New Order trigger.
 */
import { startIdoSellSandbox, type IdoSellSandbox } from '../../../test/sandbox/idosell';
import IdoSellApp from '../../src/idosell';
import { failureOf, tester, type Loose } from '../app-tester';

const App: Loose = IdoSellApp;
const appTester = tester(IdoSellApp);
const SEARCH = '/orders/orders/search';
const CALL = `POST /api/admin/v7${SEARCH}`;
let sandbox: IdoSellSandbox;

beforeEach(async () => {
  sandbox = await startIdoSellSandbox();
  sandbox.seed(0).addOrders(5, Date.now() - 5 * 60_000);
});
afterEach(() => sandbox.close());

const authData = (apiKey = sandbox.apiKey) => ({ shopUrl: sandbox.url, apiKey, apiVersion: '7' });
const poll = () => appTester(App.triggers.new_order.operation.perform, { authData: authData() });
/** An orders search page as the app's transport sends it, through z.request only. */
const search = (page: number, apiKey = sandbox.apiKey): Promise<number> =>
  appTester(async (z: Loose) => {
    const body = JSON.stringify({ params: { ordersRange: { ordersDateRange: { ordersDateType: 'modified', ordersDateBegin: '2000-01-01 00:00:00', ordersDateEnd: '9999-12-31 23:59:59' } }, resultsPage: page, resultsLimit: 100 } });
    const response = await z.request({ method: 'POST', url: `${sandbox.url}/api/admin/v7${SEARCH}`, headers: { 'X-API-KEY': apiKey, 'content-type': 'application/json' }, body, skipThrowForStatus: true, throwForThrottlingEarly: false });
    return response.status;
  });
const appError = (error: Error) => [error.name, JSON.parse(error.message)];

it('the answer rule is the app’s one afterResponse entry', () => {
  expect(App.afterResponse).toHaveLength(1);
  expect(typeof App.afterResponse[0]).toBe('function');
});

it('a fault inside an HTTP 200 is an error with IdoSell’s text, raised in afterResponse and sent once', async () => {
  sandbox.setFaults({ faultRate: 1 });
  const expected = ['AppError', { message: `IdoSell refused ${CALL} inside an HTTP 200 answer: Temporary gate error (sandbox fault)`, code: 'IdoSellRejected', status: 200 }];
  expect(appError(await failureOf(search(0)))).toEqual(expected);
  sandbox.state.clearRequests();
  expect(appError(await failureOf(poll()))).toEqual(expected);
  expect(sandbox.state.requests().map((r) => [r.gate, r.status, r.fault])).toEqual([[SEARCH, 200, 'Temporary gate error (sandbox fault)']]);
});

it('"no results" inside a 200 passes untouched: the core reads it as the end of the pages', async () => {
  expect(await search(0)).toBe(200);
  expect(await search(5)).toBe(200);
  expect(sandbox.state.requests().map((r) => [r.status, r.fault])).toEqual([
    [200, undefined],
    [200, 'No results found'],
  ]);
});

it('the shop’s used-up monthly quota is an error saying so', async () => {
  sandbox.setQuota(0);
  expect(appError(await failureOf(poll()))).toEqual([
    'AppError',
    { message: `IdoSell refused ${CALL}: the shop's monthly API request limit is used up. Orders are read again once it renews.`, code: 'IdoSellQuota', status: 429 },
  ]);
});

it('a refused key is ExpiredAuthError, raised in afterResponse', async () => {
  const error = await failureOf(search(0, 'wrong'));
  expect([error.name, error.message.split('\nWhat happened:')[0]]).toEqual([
    'ExpiredAuthError',
    `IdoSell refused the API key (HTTP 401 on ${CALL}): reconnect with a key from the shop panel, Administration → API → Admin API access keys, and check the hosts that key allows.`,
  ]);
});
