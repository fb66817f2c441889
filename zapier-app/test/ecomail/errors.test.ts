import { appTester, App, ecomailHarness } from './harness';

let h: Awaited<ReturnType<typeof ecomailHarness>>;

beforeAll(async () => {
  h = await ecomailHarness({ retryAfterSeconds: 7 });
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.sandbox.state.reset());

/** Enough input for every operation to reach Ecomail. */
const INPUT = { listId: '1', email: 'a@example.cz', tags: ['x'], orderId: 'GO-1', automationId: '2', type: 'credit_changed', category: 'c', action: 'a', newsletterConsent: 'true' };

/** Every function Zapier calls in the Ecomail app that talks to Ecomail. */
function everyCall(): Array<[string, unknown]> {
  const calls: Array<[string, unknown]> = [['authentication.test', App.authentication.test]];
  for (const group of ['triggers', 'creates', 'searches'] as const) {
    for (const [key, definition] of Object.entries(App[group] as Record<string, { operation: { perform: unknown; inputFields?: unknown[] } }>)) {
      calls.push([`${group}.${key}`, definition.operation.perform]);
      for (const field of definition.operation.inputFields ?? []) if (typeof field === 'function') calls.push([`${group}.${key}.inputFields`, field]);
    }
  }
  return calls;
}

it('maps a refused key to ExpiredAuthError naming Ecomail’s key path, in every operation', async () => {
  const calls = everyCall();
  expect(calls).toHaveLength(16);
  const results: Array<[string, string, string]> = [];
  for (const [name, fn] of calls) {
    const error = await appTester(fn, { authData: { ...h.authData, apiKey: 'wrong' }, inputData: INPUT }).then(
      () => ({ name: 'none', message: '' }),
      (caught: Error) => caught,
    );
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
