import { SALESMANAGO_CREDENTIALS_REFUSED, SalesManagoApiError, type RetryInfo } from '@ecomail-bridge/shared/node';
import { sandboxPerFile } from './sandbox-per-file';
import { TEST_API_KEY, clientFor } from './helpers';

const ctx = sandboxPerFile();

const upsert = (email: string, extra: Record<string, unknown> = {}) => ({
  contact: { email },
  forceOptIn: false,
  forceOptOut: false,
  forcePhoneOptIn: false,
  forcePhoneOptOut: false,
  ...extra,
});

describe('SalesManagoClient', () => {
  it('signs every call in the body with a fresh requestTime and never sends the API secret', async () => {
    const client = clientFor(ctx.sb);
    await client.testConnection();
    await client.upsertContact(upsert('jana@example.cz'));
    const calls = ctx.sb.state.calls();
    expect(calls.map((c) => [c.path, c.status, c.success])).toEqual([
      ['/api/contact/hasContact', 200, true],
      ['/api/contact/upsert', 200, true],
    ]);
    for (const call of calls) {
      const body = call.body as Record<string, unknown>;
      expect(Object.keys(body).slice(0, 5)).toEqual(['clientId', 'apiKey', 'requestTime', 'sha', 'owner']);
      expect(Math.abs((body.requestTime as number) - call.at)).toBeLessThan(5_000);
      expect(JSON.stringify(body).includes(ctx.sb.account.apiSecret)).toBe(false);
    }
    expect(client.requestCount).toBe(2);
  });

  it('throws refused credentials once, with a message that names what to check and no secret', async () => {
    const client = clientFor(ctx.sb, { apiSecret: 'wrong-secret-123' });
    const error = await client.upsertContact(upsert('jana@example.cz')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesManagoApiError);
    expect((error as SalesManagoApiError).isAuthError).toBe(true);
    expect((error as SalesManagoApiError).message).toBe(`${SALESMANAGO_CREDENTIALS_REFUSED} (User not authenticated)`);
    expect(ctx.sb.state.calls()).toHaveLength(1);
  });

  it('turns success:false on HTTP 200 into an error carrying the server message', async () => {
    ctx.sb.block(['jana@example.cz']);
    const error = (await clientFor(ctx.sb).upsertContact(upsert('jana@example.cz')).catch((e: unknown) => e)) as SalesManagoApiError;
    expect([error.kind, error.status, error.serverMessage, error.message]).toEqual([
      'refused',
      200,
      'Contact jana@example.cz cannot be saved',
      'SALESmanago refused /api/contact/upsert: Contact jana@example.cz cannot be saved',
    ]);
  });

  it('backs off 429s without rate headers, throttling inside a 200 and 5xx, then succeeds', async () => {
    const retries: RetryInfo[] = [];
    const client = clientFor(ctx.sb, { retries });
    ctx.sb.setFaults({ throttleRate: 0.3, busyRate: 0.3, errorRate: 0.2, seed: 3 });
    for (let i = 0; i < 10; i++) await client.upsertContact(upsert(`c${i}@example.cz`));
    const calls = ctx.sb.state.calls();
    const throttled = calls.filter((c) => c.status === 429 || (c.success === false && c.message?.[0] === 'Too many requests')).length;
    const serverErrors = calls.filter((c) => c.status >= 500).length;
    expect(ctx.sb.state.contacts()).toHaveLength(10);
    expect(throttled + serverErrors).toBeGreaterThan(0);
    expect(retries.filter((r) => r.reason === 'rate-limited')).toHaveLength(throttled);
    expect(retries.filter((r) => r.reason === 'server-error')).toHaveLength(serverErrors);
    expect(client.requestCount).toBe(calls.length);
    expect(calls.length).toBe(10 + throttled + serverErrors);
  });

  it('reports an outage after the retries with the last status', async () => {
    ctx.sb.setFaults({ throttleRate: 1 });
    const client = clientFor(ctx.sb, { retry: { baseDelayMs: 1, maxDelayMs: 2, maxRateLimitRetries: 3 } });
    const error = (await client.upsertContact(upsert('a@example.cz')).catch((e: unknown) => e)) as SalesManagoApiError;
    expect([error.kind, error.status, error.message]).toEqual(['unavailable', 429, 'SALESmanago was still throttling after the retries (/api/contact/upsert): Too Many Requests']);
    expect(ctx.sb.state.calls()).toHaveLength(4);
  });

  it('looks up existing contacts with their opt-out state, 50 e-mails at most', async () => {
    const client = clientFor(ctx.sb);
    await client.upsertContacts([upsert('a@example.cz'), upsert('b@example.cz')]);
    ctx.sb.optOut('b@example.cz');
    const found = await client.lookUpContacts(['A@example.cz', 'b@example.cz', 'c@example.cz']);
    expect([...found.values()]).toEqual([
      { email: 'a@example.cz', optedOut: false },
      { email: 'b@example.cz', optedOut: true },
    ]);
    await expect(client.lookUpContacts(Array.from({ length: 51 }, (_, i) => `x${i}@example.cz`))).rejects.toThrow('at most 50');
  });

  it('sends events within the caps the sandbox enforces, updates one by eventId, and batches name failed contacts', async () => {
    const client = clientFor(ctx.sb);
    await client.upsertContact(upsert('jana@example.cz'));
    const long = { email: 'jana@example.cz', type: 'PURCHASE' as const, date: 1772385720000, description: 'd'.repeat(5000), value: 123456789.125, externalId: 'o-1', details: ['n'.repeat(400)] };
    const { eventId } = await client.addEvent(long);
    await client.addEvent({ ...long, value: 99, eventId });
    const { failedEmails } = await client.addEvents([
      { email: 'jana@example.cz', type: 'CANCELLATION', date: 1772385720001, externalId: 'o-1' },
      { email: 'ghost@example.cz', type: 'CANCELLATION', date: 1772385720001, externalId: 'o-2' },
    ]);
    expect([...failedEmails]).toEqual(['ghost@example.cz']);
    expect(ctx.sb.state.events().map((e) => [e.contactExtEventType, e.externalId, e.value, e.description?.length, e.details.detail1?.length, e.updates])).toEqual([
      ['PURCHASE', 'o-1', 99, 2048, 255, 1],
      ['CANCELLATION', 'o-1', null, undefined, undefined, 0],
    ]);
  });

  it('saves a contact and its purchase in one call', async () => {
    const client = clientFor(ctx.sb);
    const ids = await client.upsertContactWithEvent(upsert('new@example.cz', { tags: ['GOOUT'], forceOptIn: true }), {
      email: 'new@example.cz',
      type: 'PURCHASE',
      date: 1772385720000,
      value: 780,
      externalId: 'p1',
    });
    expect(ids).toEqual({ contactId: ctx.sb.state.contact('new@example.cz')!.contactId, eventId: ctx.sb.state.events()[0].eventId });
    expect(ctx.sb.state.contact('new@example.cz')).toMatchObject({ tags: ['GOOUT'], emailConsent: 'opted-in' });
    expect(ctx.sb.state.calls().map((c) => c.path)).toEqual(['/api/integration/upsert']);
  });

  it('keeps to the pace: at most 2 calls a second by default', async () => {
    const client = clientFor(ctx.sb, { requestsPerSecond: undefined });
    const started = Date.now();
    for (let i = 0; i < 5; i++) await client.hasContact(`p${i}@example.cz`);
    // Two go at once, the next two a second later, the fifth after two seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(ctx.sb.state.calls()).toHaveLength(5);
  });

  it('masks the API key and secret in whatever the server echoes', () => {
    const error = new SalesManagoApiError({ kind: 'refused', status: 200, path: '/x', serverMessage: `bad key ${TEST_API_KEY} / wrong-secret-123`, secrets: [TEST_API_KEY, 'wrong-secret-123'] });
    expect(error.message).toBe('SALESmanago refused /x: bad key [redacted] / [redacted]');
  });
});

describe('reads', () => {
  it('ask once more after a success:false that is not about the credentials', async () => {
    ctx.sb.setFaults({ failureRate: 1 });
    const client = clientFor(ctx.sb);
    await expect(client.hasContact('a@example.cz')).rejects.toThrow('Temporary problem, please try again later');
    expect(ctx.sb.state.calls().map((c) => c.path)).toEqual(['/api/contact/hasContact', '/api/contact/hasContact']);
    ctx.sb.setFaults({ failureRate: 0.5, seed: 4 });
    ctx.sb.state.reset();
    const found = await client.lookUpContacts(['a@example.cz']);
    expect(found.size).toBe(0);
    const statuses = ctx.sb.state.calls().map((c) => c.success);
    expect(statuses[statuses.length - 1]).toBe(true);
  });
});
