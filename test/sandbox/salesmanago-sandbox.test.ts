import { createHash } from 'node:crypto';
import axios, { type AxiosResponse } from 'axios';
import { sandboxPerFile } from '../salesmanago/sandbox-per-file';

const ctx = sandboxPerFile();

/** Signed as docs/salesmanago.md §1 says, with Node's SHA-1 (not the client's). */
function auth(overrides: Record<string, unknown> = {}) {
  const apiKey = 'test-key-1';
  const { clientId, apiSecret, owner } = ctx.sb.account;
  const sha = createHash('sha1').update(apiKey + clientId + apiSecret).digest('hex');
  return { clientId, apiKey, requestTime: Date.now(), sha, owner, ...overrides };
}

function post(path: string, body: Record<string, unknown>, authOverrides: Record<string, unknown> = {}): Promise<AxiosResponse> {
  return axios.post(`${ctx.sb.url}${path}`, { ...auth(authOverrides), ...body }, { validateStatus: () => true });
}

const upsert = (email: string, extra: Record<string, unknown> = {}) => post('/api/contact/upsert', { contact: { email }, ...extra });
const event = (email: string, contactEvent: Record<string, unknown>) =>
  post('/api/v2/contact/addContactExtEvent', { email, contactEvent: { date: 1772385720000, contactExtEventType: 'PURCHASE', ...contactEvent } });

describe('auth in the body', () => {
  it('answers success:false on HTTP 200 for a wrong sha, client id, requestTime in seconds or a foreign owner', async () => {
    const answers = await Promise.all([
      post('/api/contact/hasContact', { email: 'a@example.cz' }, { sha: 'f'.repeat(40) }),
      post('/api/contact/hasContact', { email: 'a@example.cz' }, { clientId: 'other' }),
      post('/api/contact/hasContact', { email: 'a@example.cz' }, { requestTime: Math.floor(Date.now() / 1000) }),
      post('/api/contact/hasContact', { email: 'a@example.cz' }, { owner: 'someone@else.example' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.data)).toEqual([
      { success: false, message: ['User not authenticated'] },
      { success: false, message: ['User not authenticated'] },
      { success: false, message: ['User not authenticated', 'requestTime must be the current Unix time in milliseconds'] },
      { success: false, message: ['Owner someone@else.example is not a user of this account'] },
    ]);
    const ok = await post('/api/contact/hasContact', { email: 'a@example.cz' });
    expect(ok.data).toEqual({ success: true, message: [], contactId: null });
  });

  it('refuses every call signed with the secret after it was rotated', async () => {
    expect((await upsert('a@example.cz')).data.success).toBe(true);
    const before = auth();
    ctx.sb.rotateSecret('new-secret-2');
    const stale = await axios.post(`${ctx.sb.url}/api/contact/upsert`, { ...before, contact: { email: 'b@example.cz' } });
    expect(stale.data).toEqual({ success: false, message: ['User not authenticated'] });
    expect(ctx.sb.state.contacts().map((c) => c.email)).toEqual(['a@example.cz']);
    ctx.sb.rotateSecret('sandbox-secret');
  });

  it('takes only POST with a JSON object', async () => {
    expect((await axios.get(`${ctx.sb.url}/api/contact/upsert`, { validateStatus: () => true })).status).toBe(405);
    const broken = await axios.post(`${ctx.sb.url}/api/contact/upsert`, 'not json', { headers: { 'content-type': 'application/json' }, validateStatus: () => true, transformRequest: (d) => d });
    expect(broken.status).toBe(400);
    expect((await post('/api/nothing', {})).status).toBe(404);
  });
});

describe('contacts', () => {
  it('upserts by e-mail: fields overwrite, tags only added or removed by name, properties merge', async () => {
    await upsert('Jana@Example.cz', { contact: { email: 'Jana@Example.cz', name: 'Jana Nováková', address: { city: 'Praha' } }, tags: ['GOOUT', 'DIVADLO'], properties: { a: '1' } });
    const second = await upsert('jana@example.cz', { tags: ['GOOUT_CS'], removeTags: ['DIVADLO'], properties: { b: '2' }, birthday: '19900131' });
    expect(second.data.success).toBe(true);
    const contact = ctx.sb.state.contact('jana@example.cz')!;
    expect(contact).toMatchObject({ name: 'Jana Nováková', address: { city: 'Praha' }, birthday: '19900131', emailConsent: 'none', upserts: 2 });
    expect(contact.tags).toEqual(['GOOUT', 'GOOUT_CS']);
    expect(contact.properties).toEqual({ a: '1', b: '2' });
    expect(second.data.contactId).toBe(contact.contactId);
  });

  it('opts in and out by flag, never both, and leaves consent alone without a flag', async () => {
    await upsert('a@example.cz', { forceOptIn: true });
    await upsert('a@example.cz', { forceOptIn: false, forceOptOut: false });
    expect(ctx.sb.state.contact('a@example.cz')!.emailConsent).toBe('opted-in');
    await upsert('a@example.cz', { forceOptOut: true });
    expect(ctx.sb.state.contact('a@example.cz')!.emailConsent).toBe('opted-out');
    const both = await upsert('a@example.cz', { forceOptIn: true, forceOptOut: true });
    expect(both.data).toEqual({ success: false, message: ['forceOptIn and forceOptOut exclude each other'] });
  });

  it('takes at most 400 contacts a package and refuses a package with one bad contact whole', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ contact: { email: `c${i}@example.cz` } }));
    const over = await post('/api/contact/batchupsertv2', { upsertDetails: items(401) });
    expect(over.data).toEqual({ success: false, message: ['upsertDetails holds 401 items; 400 at most per request'] });
    const bad = await post('/api/contact/batchupsertv2', { upsertDetails: [...items(3), { contact: { email: 'not-an-email' } }] });
    expect(bad.data).toEqual({ success: false, message: ['Invalid email: not-an-email'] });
    ctx.sb.block(['c1@example.cz']);
    const blocked = await post('/api/contact/batchupsertv2', { upsertDetails: items(3) });
    expect(blocked.data).toEqual({ success: false, message: ['Contact c1@example.cz cannot be saved'] });
    expect(ctx.sb.state.contacts()).toEqual([]);
    const full = await post('/api/contact/batchupsertv2', { upsertDetails: items(400).slice(2) });
    expect(full.data).toEqual({ success: true, message: [] });
    expect(ctx.sb.state.contacts()).toHaveLength(398);
  });

  it('lists at most 50 e-mails, only those that exist, with their opt-out state', async () => {
    await upsert('a@example.cz');
    await upsert('b@example.cz');
    ctx.sb.optOut('b@example.cz');
    const found = await post('/api/contact/list', { email: ['a@example.cz', 'B@example.cz', 'none@example.cz'] });
    expect(found.data.contacts.map((c: { email: string; optedOut: boolean }) => [c.email, c.optedOut])).toEqual([
      ['a@example.cz', false],
      ['b@example.cz', true],
    ]);
    const tooMany = await post('/api/contact/list', { email: Array.from({ length: 51 }, (_, i) => `x${i}@example.cz`) });
    expect(tooMany.data.success).toBe(false);
  });
});

describe('external events', () => {
  beforeEach(() => upsert('jana@example.cz'));

  it('refuses fields over their caps instead of cutting them', async () => {
    const answers = await Promise.all([
      event('jana@example.cz', { value: 12345678901234567890.12 }),
      event('jana@example.cz', { value: 1.2345678901234567e-300 }),
      event('jana@example.cz', { description: 'x'.repeat(2049) }),
      event('jana@example.cz', { products: 'p'.repeat(513) }),
      event('jana@example.cz', { detail1: 'd'.repeat(256), detail21: 'x' }),
      event('jana@example.cz', { contactExtEventType: 'CANCELLED' }),
      event('nobody@example.cz', {}),
    ]);
    expect(answers.map((a) => a.data.message)).toEqual([
      [],
      ['contactEvent.value must be a number of at most 22 characters'],
      ['contactEvent.description exceeds 2048 characters'],
      ['contactEvent.products exceeds 512 characters'],
      ['contactEvent.detail1 exceeds 255 characters', 'detail21 is not a field'],
      ['contactExtEventType CANCELLED is not a known event type'],
      ['Contact nobody@example.cz not found'],
    ]);
    expect(ctx.sb.state.events()).toHaveLength(1);
  });

  it('updates the event its eventId names, only for that contact', async () => {
    const first = await event('jana@example.cz', { externalId: 'o-1', value: 100 });
    const { eventId } = first.data;
    const again = await event('jana@example.cz', { externalId: 'o-1', value: 120, eventId });
    expect(again.data.eventId).toBe(eventId);
    await upsert('petr@example.cz');
    const foreign = await event('petr@example.cz', { eventId });
    expect(foreign.data).toEqual({ success: false, message: [`Event ${eventId} not found for petr@example.cz`] });
    expect(ctx.sb.state.events().map((e) => [e.eventId, e.value, e.updates])).toEqual([[eventId, 120, 1]]);
  });

  it('adds up to 1,000 events in one call and names the contacts whose event failed', async () => {
    const contactEvent = { date: 1772385720000, contactExtEventType: 'CANCELLATION', externalId: 'o-1' };
    const answer = await post('/api/contact/batchAddContactExtEvent', {
      events: [
        { email: 'jana@example.cz', contactEvent },
        { email: 'ghost@example.cz', contactEvent },
      ],
    });
    expect(answer.data).toEqual({ success: true, message: [], failedContacts: ['ghost@example.cz'], createdAmount: 1, failedAmount: 1 });
    const tooMany = await post('/api/contact/batchAddContactExtEvent', { events: Array.from({ length: 1001 }, () => ({ email: 'jana@example.cz', contactEvent })) });
    expect(tooMany.data.success).toBe(false);
    expect(ctx.sb.state.events().map((e) => e.contactExtEventType)).toEqual(['CANCELLATION']);
  });

  it('takes a contact and its event in one call, or neither', async () => {
    const identity = { clientId: ctx.sb.account.clientId, owner: ctx.sb.account.owner };
    const both = await post('/api/integration/upsert', {
      contactUpsertRequest: { ...identity, contact: { email: 'new@example.cz' }, tags: ['IDOSELL'], forceOptIn: true },
      addContactExtEventRequest: { ...identity, email: 'new@example.cz', contactEvent: { date: 1772385720000, contactExtEventType: 'PURCHASE', value: 1290.5 } },
    });
    expect(both.data).toEqual({ success: true, message: [], contactId: ctx.sb.state.contact('new@example.cz')!.contactId, eventId: expect.any(String) });
    const broken = await post('/api/integration/upsert', {
      contactUpsertRequest: { ...identity, contact: { email: 'other@example.cz' } },
      addContactExtEventRequest: { ...identity, email: 'other@example.cz', contactEvent: { date: 1, contactExtEventType: 'NOPE' } },
    });
    expect(broken.data.success).toBe(false);
    const noIdentity = await post('/api/integration/upsert', { contactUpsertRequest: { contact: { email: 'x@example.cz' } } });
    expect(noIdentity.data).toEqual({ success: false, message: ['contactUpsertRequest must repeat the clientId and owner'] });
    expect(ctx.sb.state.contacts().map((c) => c.email).sort()).toEqual(['jana@example.cz', 'new@example.cz']);
  });
});

describe('fault knobs', () => {
  it('throttles with a bare 429 (no rate headers), or inside a 200, fails inside a 200, answers 5xx and drops sockets', async () => {
    ctx.sb.setFaults({ throttleRate: 1 });
    const throttled = await upsert('a@example.cz');
    expect(throttled.status).toBe(429);
    expect(Object.keys(throttled.headers).filter((h) => /retry-after|ratelimit/i.test(h))).toEqual([]);
    ctx.sb.setFaults({ throttleRate: 0, busyRate: 1 });
    expect((await upsert('a@example.cz')).data).toEqual({ success: false, message: ['Too many requests'] });
    ctx.sb.setFaults({ busyRate: 0, failureRate: 1 });
    expect((await upsert('a@example.cz')).data).toEqual({ success: false, message: ['Temporary problem, please try again later'] });
    ctx.sb.setFaults({ failureRate: 0, errorRate: 1 });
    expect([500, 502, 503]).toContain((await upsert('a@example.cz')).status);
    ctx.sb.setFaults({ errorRate: 0, resetRate: 1 });
    await expect(upsert('a@example.cz')).rejects.toThrow();
    expect(ctx.sb.state.contacts()).toEqual([]);
    expect(ctx.sb.state.calls().map((c) => c.status)).toEqual([429, 200, 200, expect.any(Number), 0]);
  });

  it('repeats the same fault sequence for the same seed, and never faults inspection', async () => {
    const run = async () => {
      ctx.sb.state.reset();
      ctx.sb.setFaults({ errorRate: 0.5, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await upsert(`s${i}@example.cz`)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(0);
    ctx.sb.setFaults({ errorRate: 1 });
    const inspected = await axios.get(`${ctx.sb.url}/__sandbox/contacts`);
    expect(inspected.status).toBe(200);
    expect(inspected.data.map((c: { email: string }) => c.email)).toEqual(ctx.sb.state.contacts().map((c) => c.email));
  });

  it('is controlled over HTTP too: faults, blocks, opt-outs, reset', async () => {
    await upsert('a@example.cz');
    await axios.post(`${ctx.sb.url}/__sandbox/faults`, { failureRate: 0.25 });
    expect((await axios.get(`${ctx.sb.url}/__sandbox/faults`)).data.failureRate).toBe(0.25);
    await axios.post(`${ctx.sb.url}/__sandbox/faults`, { failureRate: 0 });
    expect((await axios.post(`${ctx.sb.url}/__sandbox/contacts/a%40example.cz/opt-out`)).data.emailConsent).toBe('opted-out');
    expect((await axios.post(`${ctx.sb.url}/__sandbox/block`, { emails: ['B@example.cz'] })).data).toEqual({ blocked: ['b@example.cz'] });
    await axios.post(`${ctx.sb.url}/__sandbox/reset`);
    expect((await axios.get(`${ctx.sb.url}/__sandbox/calls`)).data).toEqual([]);
  });
});
