/**
 * The GoOut app's afterResponse middleware makes a 429 a ThrottledError and leaves every other
 * status to the core (a refused refresh may be a lost race, issue 13 point 5: session-race.test.ts).
 * GoOut's sandbox never throttles, so a small stand-in answers here.
 */
import { startTextServer, type TextServer } from '../../../test/sandbox/text-server';
import { failureOf, type Loose } from '../app-tester';
import { App, appTester } from './harness';

let goOut: TextServer;
const seen: string[] = [];

beforeAll(async () => {
  goOut = await startTextServer(0, (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    seen.push(`${req.method} ${path}`);
    if (path === '/refused') res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
    else res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '12' }).end('{"message":"slow down"}');
  });
});
afterAll(() => goOut.close());
beforeEach(() => {
  seen.length = 0;
});

const raw = (path: string): Promise<number> =>
  appTester(async (z: Loose) => (await z.request({ url: `${goOut.url}${path}`, skipThrowForStatus: true, throwForThrottlingEarly: false })).status);

it('the answer rule is the app’s one afterResponse entry', () => {
  expect(App.afterResponse).toHaveLength(1);
  expect(typeof App.afterResponse[0]).toBe('function');
});

it('raises ThrottledError with GoOut’s Retry-After for a 429 there, and lets a refused refresh through to the core', async () => {
  const error = await failureOf(raw('/busy'));
  expect(error.name).toBe('ThrottledError');
  expect(JSON.parse(error.message)).toEqual({ message: 'GoOut answered 429 Too Many Requests (GET /busy); Zapier runs this step again in 12 s.', delay: 12 });
  expect(await raw('/refused')).toBe(403);
});

it('a 429 ends a New Purchase poll with that ThrottledError, the request sent once', async () => {
  const authData = { initialAccessToken: 'pasted-access', initialRefreshToken: 'pasted-refresh', baseUrl: goOut.url };
  const error = await failureOf(appTester(App.triggers.new_purchase.operation.perform, { authData, inputData: {} }));
  expect(seen).toEqual(['GET /services/entitystore/v2/sales']);
  expect(error.name).toBe('ThrottledError');
  expect(JSON.parse(error.message)).toEqual({ message: `GoOut answered 429 Too Many Requests (${seen[0]}); Zapier runs this step again in 12 s.`, delay: 12 });
});
