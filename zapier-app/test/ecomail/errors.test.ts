import { ECOMAIL_KEY_REFUSED } from '../../src/ecomail/errors';
import { everyCall, failureOf, type Loose } from '../app-tester';
import { appTester, App, ecomailHarness } from './harness';

let h: Awaited<ReturnType<typeof ecomailHarness>>;

beforeAll(async () => {
  h = await ecomailHarness({ retryAfterSeconds: 7 });
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.sandbox.state.reset());

/** Enough input for every operation to reach Ecomail. */
const INPUT = { listId: '1', email: 'a@example.cz', tags: ['x'], orderId: 'GO-1', automationId: '2', type: 'credit_changed', category: 'c', action: 'a', newsletterConsent: 'true' };

it('maps a refused key to ExpiredAuthError naming Ecomail’s key path, in every operation', async () => {
  const calls = everyCall(App);
  expect(calls).toHaveLength(16);
  const results: Array<[string, string, string]> = [];
  for (const [name, fn] of calls) {
    const error = await failureOf(appTester(fn, { authData: { ...h.authData, apiKey: 'wrong' }, inputData: INPUT }));
    // The app tester appends its own "What happened" log to the message.
    results.push([name, error.name, error.message.split('\nWhat happened:')[0]]);
  }
  const expected = 'Ecomail refused the API key. Reconnect with the current key from Ecomail → Manage account → For developers (generating a new key stops the old one at once).';
  expect(results).toEqual(calls.map(([name]) => [name, 'ExpiredAuthError', expected]));
});

it('turns a 429 into ThrottledError with Ecomail’s Retry-After and says what happened', async () => {
  h.sandbox.setRateLimit({ requests: 1, windowMs: 60_000 });
  try {
    await appTester(App.authentication.test, { authData: h.authData });
    const error = await appTester(App.creates.create_or_update_contact.operation.perform, {
      authData: h.authData,
      inputData: { listId: '1', email: 'busy@example.cz' },
    }).catch((caught: Error) => caught);
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toEqual({
      message: 'Ecomail answered 429 Too Many Requests (POST /lists/1/subscribe); Zapier runs this step again in 7 s.',
      delay: 7,
    });
    // Nothing was retried inside the step: the 429 was the step's only write.
    expect(h.sandbox.state.calls().filter((call) => call.path === '/lists/1/subscribe').map((call) => call.status)).toEqual([429]);
  } finally {
    h.sandbox.setRateLimit({ requests: 100_000, windowMs: 60_000 });
  }
});

describe('the mapping is the app’s afterResponse middleware', () => {
  /** A request through z.request as the app's transport sends it, with no core in between. */
  const raw = (path: string, apiKey: string): Promise<number> =>
    appTester(async (z: Loose) => {
      const response = await z.request({ url: `${h.sandbox.url}${path}`, headers: { key: apiKey }, skipThrowForStatus: true, throwForThrottlingEarly: false });
      return response.status;
    });

  it('is the one afterResponse entry of the app', () => {
    expect(App.afterResponse).toHaveLength(1);
    expect(typeof App.afterResponse[0]).toBe('function');
  });

  it('turns a refused key into ExpiredAuthError there', async () => {
    const error = await failureOf(raw('/lists', 'wrong'));
    expect([error.name, error.message.split('\nWhat happened:')[0]]).toEqual(['ExpiredAuthError', ECOMAIL_KEY_REFUSED]);
  });

  it('turns a 429 into ThrottledError with Ecomail’s Retry-After there', async () => {
    h.sandbox.setRateLimit({ requests: 1, windowMs: 60_000 });
    try {
      expect(await raw('/lists', h.sandbox.apiKey)).toBe(200);
      const error = await failureOf(raw('/lists', h.sandbox.apiKey));
      expect(error.name).toBe('ThrottledError');
      expect(JSON.parse(error.message)).toEqual({ message: 'Ecomail answered 429 Too Many Requests (GET /lists); Zapier runs this step again in 7 s.', delay: 7 });
    } finally {
      h.sandbox.setRateLimit({ requests: 100_000, windowMs: 60_000 });
    }
  });

  it('leaves a 404 to the core, which reads "not found" for a lookup and an error for a write', async () => {
    expect(await raw('/subscribers/nobody%40example.cz', h.sandbox.apiKey)).toBe(404);
    const found = await appTester(App.searches.find_contact.operation.perform, { authData: h.authData, inputData: { listId: '1', email: 'nobody@example.cz' } });
    expect(found).toEqual([]);
    const write = await failureOf(appTester(App.creates.create_or_update_contact.operation.perform, { authData: h.authData, inputData: { listId: '999', email: 'nobody@example.cz' } }));
    expect(h.sandbox.state.calls().map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual([
      'GET /subscribers/nobody%40example.cz 404',
      'GET /lists/1/subscriber/nobody%40example.cz 404',
      'POST /lists/999/subscribe 404',
    ]);
    expect([write.name, JSON.parse(write.message).code, JSON.parse(write.message).status]).toEqual(['AppError', 'EcomailRejected', 404]);
  });

  it('a 429 on the order of a saved GoOut buyer ends the step with that ThrottledError, not a failed order', async () => {
    // A new contact with tags: read its tags, subscribe it, then the order — the third call.
    h.sandbox.setRateLimit({ requests: 2, windowMs: 60_000 });
    try {
      const error = await failureOf(
        appTester(App.creates.add_goout_buyer.operation.perform, {
          authData: h.authData,
          inputData: { listId: '1', email: 'buyer@example.cz', purchaseId: '8812345', tickets: [{ ticketId: '1', price: '390', eventName: 'Hamlet' }] },
        }),
      );
      expect(h.sandbox.state.calls().map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual([
        'GET /subscribers/buyer%40example.cz 404',
        'POST /lists/1/subscribe 200',
        'POST /tracker/transaction-bulk 429',
      ]);
      expect(error.name).toBe('ThrottledError');
      expect(JSON.parse(error.message)).toEqual({ message: 'Ecomail answered 429 Too Many Requests (POST /tracker/transaction-bulk); Zapier runs this step again in 7 s.', delay: 7 });
      expect(h.sandbox.state.contact('buyer@example.cz')?.email).toBe('buyer@example.cz');
    } finally {
      h.sandbox.setRateLimit({ requests: 100_000, windowMs: 60_000 });
    }
  });
});
