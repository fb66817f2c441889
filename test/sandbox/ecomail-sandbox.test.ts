import axios, { AxiosError, type AxiosInstance } from 'axios';
import { startEcomailSandbox, type EcomailSandbox } from './ecomail';
import { startListWebhookReceiver, type ListWebhookReceiver } from './list-webhook-receiver';

const enc = encodeURIComponent;

let sb: EcomailSandbox;
let api: AxiosInstance;
let receiver: ListWebhookReceiver;

function subscribe(email: string, extra: Record<string, unknown> = {}, flags: Record<string, unknown> = {}, listId = 1) {
  return api.post(`/lists/${listId}/subscribe`, { subscriber_data: { email, ...extra }, ...flags });
}

beforeAll(async () => {
  receiver = await startListWebhookReceiver();
  sb = await startEcomailSandbox({ listWebhookUrl: receiver.url });
  api = axios.create({ baseURL: sb.url, headers: { key: sb.apiKey }, validateStatus: () => true });
});

afterAll(async () => {
  await sb.close();
  await receiver.close();
});

beforeEach(() => {
  sb.state.reset();
  sb.setFaults({ errorRate: 0, resetRate: 0, throttleRate: 0, latencyMs: 0, seed: 1 });
  receiver.received.length = 0;
  receiver.rejected.length = 0;
});

afterEach(() => {
  // Anything the receiver refused is a broken or stray delivery: it fails the test that saw it.
  expect(receiver.rejected).toEqual([]);
});

describe('auth', () => {
  it('answers 401 JSON without or with an unknown key, and accepts the header in any case', async () => {
    const missing = await axios.get(`${sb.url}/lists`, { validateStatus: () => true });
    expect(missing.status).toBe(401);
    expect(missing.data).toEqual({ message: 'Unauthorized' });
    const wrong = await axios.get(`${sb.url}/lists`, { headers: { key: 'nope' }, validateStatus: () => true });
    expect(wrong.status).toBe(401);
    const upper = await axios.get(`${sb.url}/lists`, { headers: { KEY: sb.apiKey } });
    expect(upper.status).toBe(200);
    expect(sb.state.calls().map((c) => c.status)).toEqual([401, 401, 200]);
  });
});

describe('lists', () => {
  it('lists as a bare array and shows one list with its field catalogue, id as a string', async () => {
    const all = await api.get('/lists');
    expect(all.data).toEqual([expect.objectContaining({ id: 1, name: 'Newsletter', double_optin: false })]);
    const one = await api.get('/lists/1');
    expect(one.data.list.id).toBe('1');
    expect(Object.keys(one.data.list.custom_fields)).toEqual(
      expect.arrayContaining(['ellity_credit_num', 'goout_last_event']),
    );
    expect(one.data.subscribers).toMatchObject({ subscribed: 0, unsubscribed: 0 });
    expect((await api.get('/lists/99')).status).toBe(404);
  });

  it('creates a list and stores DOI subscribers as status 6 unless skip_confirmation', async () => {
    expect((await api.post('/lists', { name: 'x' })).status).toBe(422);
    const created = await api.post('/lists', { name: 'DOI', from_name: 'K', from_email: 'k@example.cz' });
    const id = created.data.id as number;
    await api.put(`/lists/${id}`, { name: 'DOI', double_optin: true });
    await subscribe('doi@example.cz', {}, {}, id);
    await subscribe('skip@example.cz', {}, { skip_confirmation: true }, id);
    expect(sb.state.contact('doi@example.cz')?.lists[id].status).toBe(6);
    expect(sb.state.contact('skip@example.cz')?.lists[id].status).toBe(1);
  });
});

describe('subscribe and read back', () => {
  it('stores a contact lower-cased and returns it from both read endpoints', async () => {
    const res = await subscribe('Petra.Novakova@Example.cz', {
      name: 'Petra', surname: 'Nováková', country: 'CZ', vokativ: 'Petro',
      custom_fields: { goout_last_event: 'Jazz', goout_last_purchase: { value: '2026-06-14', type: 'date' } },
      tags: ['GoOut', 'GoOut_cs'],
    });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ email: 'petra.novakova@example.cz', name: 'Petra', bounce_soft: 0 });
    expect(res.data).not.toHaveProperty('already_subscribed');

    const contact = await api.get(`/subscribers/${enc('PETRA.novakova@example.cz')}`);
    expect(contact.data.subscriber).toMatchObject({
      email: 'petra.novakova@example.cz', country: 'CZ', vokativ: 'Petro', tags: ['GoOut', 'GoOut_cs'],
      lists: { '1': { status: 1, c_fields: { goout_last_event: 'Jazz', goout_last_purchase: { value: '2026-06-14', type: 'date' } } } },
    });
    expect(contact.data.subscriber.lists['1'].subscribed_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const member = await api.get(`/lists/1/subscriber/${enc('petra.novakova@example.cz')}`);
    expect(member.data.subscriber).toMatchObject({ list_id: 1, status: 1, custom_fields: { goout_last_event: 'Jazz' } });
    expect(member.data.subscriber.subscribed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$/);
    expect((await api.get(`/subscribers/${enc('nobody@example.cz')}`)).status).toBe(404);
    expect((await api.get(`/lists/1/subscriber/${enc('nobody@example.cz')}`)).status).toBe(404);
  });

  it('does not overwrite an existing member without update_existing but says already_subscribed', async () => {
    await subscribe('a@example.cz', { name: 'Anna', tags: ['one'] });
    const again = await subscribe('a@example.cz', { name: 'Other', tags: ['two'] });
    expect(again.status).toBe(200);
    expect(again.data.already_subscribed).toBe(true);
    expect(sb.state.contact('a@example.cz')).toMatchObject({ name: 'Anna', tags: ['one'] });
  });

  it('replaces the tag set when tags are sent with update_existing, and leaves it when the key is absent', async () => {
    await subscribe('t@example.cz', { tags: ['a', 'b'] });
    await subscribe('t@example.cz', { tags: ['c'] }, { update_existing: true });
    expect(sb.state.contact('t@example.cz')?.tags).toEqual(['c']);
    await subscribe('t@example.cz', { name: 'Tom' }, { update_existing: true });
    expect(sb.state.contact('t@example.cz')).toMatchObject({ name: 'Tom', tags: ['c'] });
  });

  it('rejects tags over 50 characters or 2,000 in total with 422 and a message', async () => {
    const long = await subscribe('l@example.cz', { tags: ['x'.repeat(51)] });
    expect(long.status).toBe(422);
    expect(long.data.message).toMatch(/50/);
    const many = await subscribe('l@example.cz', { tags: Array.from({ length: 41 }, (_, i) => `${i}`.padEnd(50, 'y')) });
    expect(many.status).toBe(422);
    expect(many.data.errors.tags[0]).toMatch(/2000/);
    expect((await subscribe('l@example.cz', { tags: ['x'.repeat(50)] })).status).toBe(200);
  });

  it('trims and lower-cases custom-field keys, rejects case duplicates and oversize fields', async () => {
    await subscribe('c@example.cz', { custom_fields: { ' Shop ': 'brno', ELLITY_CREDIT_NUM: 340 } });
    expect(sb.state.contact('c@example.cz')?.lists['1'].c_fields).toEqual({ shop: 'brno', ellity_credit_num: 340 });
    const duplicate = await subscribe('d@example.cz', { custom_fields: { Shop: 'a', shop: 'b' } });
    expect(duplicate.status).toBe(422);
    expect(duplicate.data.message).toMatch(/same field/);
    const big = await subscribe('d@example.cz', { custom_fields: { note: 'z'.repeat(5000) } });
    expect(big.status).toBe(422);
    expect(sb.state.contact('d@example.cz')).toBeUndefined();
  });

  it('answers 422 with message and errors.email for invalid e-mails, 404 for unknown lists', async () => {
    for (const email of ['no-at-sign', 'two@@example.cz', 'sp ace@example.cz', 'x@nodot', '']) {
      const res = await subscribe(email);
      expect(res.status).toBe(422);
      expect(res.data.message).toEqual(expect.any(String));
      expect(res.data.errors.email).toHaveLength(1);
    }
    expect((await api.post('/lists/1/subscribe', {})).status).toBe(422);
    const unknownList = await subscribe('ok@example.cz', {}, {}, 404);
    expect(unknownList.status).toBe(404);
    expect(unknownList.data.message).toEqual(expect.any(String));
  });

  it('keeps an unsubscribed member at 2 unless resubscribe', async () => {
    await subscribe('r@example.cz');
    const unsub = await api.delete('/lists/1/unsubscribe', { data: { email: 'r@example.cz' } });
    expect(unsub.data).toMatchObject({ status: 2, unsubscribed_at: expect.any(String) });
    await subscribe('r@example.cz', {}, { update_existing: true });
    expect(sb.state.contact('r@example.cz')?.lists['1'].status).toBe(2);
    await subscribe('r@example.cz', { status: 2 }, { update_existing: true, resubscribe: true });
    expect(sb.state.contact('r@example.cz')?.lists['1'].status).toBe(2);
    await subscribe('r@example.cz', {}, { resubscribe: true });
    expect(sb.state.contact('r@example.cz')?.lists['1']).toMatchObject({ status: 1, unsubscribed_at: null });
  });

  it('update-subscriber needs a top-level email (422 email_required) and a list member (404)', async () => {
    await subscribe('u@example.cz', { tags: ['a'] });
    const inside = await api.put('/lists/1/update-subscriber', { subscriber_data: { email: 'u@example.cz', name: 'U' } });
    expect(inside.status).toBe(422);
    expect(inside.data.message).toBe('email_required');
    const ok = await api.put('/lists/1/update-subscriber', {
      email: 'u@example.cz', subscriber_data: { custom_fields: { ellity_credit_num: 5 }, tags: ['a', 'ellity'] },
    });
    expect(ok.status).toBe(200);
    expect(sb.state.contact('u@example.cz')).toMatchObject({ tags: ['a', 'ellity'], lists: { '1': { c_fields: { ellity_credit_num: 5 } } } });
    expect((await api.put('/lists/1/update-subscriber', { email: 'x@example.cz', subscriber_data: {} })).status).toBe(404);
  });

  it('pages members in subscription order and deletes contacts', async () => {
    for (const name of ['first', 'second', 'third']) await subscribe(`${name}@example.cz`);
    const page1 = await api.get('/lists/1/subscribers', { params: { page: 1, per_page: 2 } });
    expect(page1.data).toMatchObject({ current_page: 1, last_page: 2, per_page: 2, total: 3 });
    expect(page1.data.data.map((m: { email: string }) => m.email)).toEqual(['first@example.cz', 'second@example.cz']);
    const page2 = await api.get('/lists/1/subscribers', { params: { page: 2, per_page: 2 } });
    expect(page2.data.data.map((m: { email: string }) => m.email)).toEqual(['third@example.cz']);
    expect((await api.delete(`/subscribers/${enc('first@example.cz')}/delete`)).status).toBe(200);
    expect(sb.state.contact('first@example.cz')).toBeUndefined();
  });
});

describe('bulk', () => {
  it('processes only the first 3,000 contacts of 3,500 and skips invalid items silently', async () => {
    const items = Array.from({ length: 3500 }, (_, i) => ({ email: i === 10 ? 'broken' : `bulk${i}@example.cz`, tags: ['B'] }));
    const res = await api.post('/lists/1/subscribe-bulk', { subscriber_data: items });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ inserts: 2999 });
    expect(sb.state.contacts()).toHaveLength(2999);
    expect(sb.state.contact('bulk2999@example.cz')).toBeDefined();
    expect(sb.state.contact('bulk3000@example.cz')).toBeUndefined();
  });

  it('updates existing contacts by default without counting them, and update-subscriber-bulk counts updates', async () => {
    await subscribe('e@example.cz', { tags: ['old'] });
    const res = await api.post('/lists/1/subscribe-bulk', { subscriber_data: [{ email: 'e@example.cz', tags: ['new'] }, { email: 'n@example.cz' }] });
    expect(res.data).toEqual({ inserts: 1 });
    expect(sb.state.contact('e@example.cz')?.tags).toEqual(['new']);
    const updates = await api.put('/lists/1/update-subscriber-bulk', {
      subscriber_data: [{ email: 'e@example.cz', name: 'E' }, { email: 'stranger@example.cz', name: 'S' }],
    });
    expect(updates.data).toEqual({ updates: 1 });
  });
});

describe('tracker, transactions, pipelines', () => {
  it('needs an existing contact for events, JSON-encodes object values and limits them to 20,000 characters', async () => {
    const unknown = await api.post('/tracker/events', { event: { email: 'ghost@example.cz', category: 'ellity' } });
    expect(unknown.status).toBe(404);
    expect(unknown.data.message).toEqual(expect.any(String));
    await subscribe('ev@example.cz');
    const ok = await api.post('/tracker/events', {
      event: { email: 'ev@example.cz', category: 'ellity', action: 'change', label: 'credit', property: 'card-1', value: { delta: 120 } },
    });
    expect(ok.data).toMatchObject({ id: expect.any(Number), email: 'ev@example.cz', category: 'ellity', value: '{"delta":120}' });
    const huge = await api.post('/tracker/events', { event: { email: 'ev@example.cz', value: 'v'.repeat(20_001) } });
    expect(huge.status).toBe(422);
    expect(sb.state.events()).toHaveLength(1);
  });

  it('stores transactions, requires order_id and email, caps bulk at 1,000 and filters the listing', async () => {
    expect((await api.post('/tracker/transaction', { transaction: { email: 'p@example.cz' } })).status).toBe(422);
    const one = await api.post('/tracker/transaction', {
      transaction: { order_id: 'GO-1', email: 'P@example.cz', shop: 'goout', amount: 780, timestamp: 1781452800, status: 'completed' },
      transaction_items: [{ code: 'EVT', title: 'Ticket', price: 390, amount: 2 }],
    });
    expect(one.data).toMatchObject({ order_id: 'GO-1', email: 'p@example.cz', timestamp: '2026-06-14 16:00:00', id: expect.any(Number) });
    expect((await api.put('/tracker/transaction/GO-404', { transaction: { email: 'p@example.cz' } })).status).toBe(404);
    const bulk = await api.post('/tracker/transaction-bulk', {
      transaction_data: Array.from({ length: 1001 }, (_, i) => ({ transaction: { order_id: `B-${i}`, email: 'b@example.cz' }, transaction_items: [] })),
    });
    expect(bulk.data).toEqual({ inserts: 1000 });
    const listed = await api.get('/tracker/transaction', { params: { email: 'p@example.cz' } });
    expect(listed.data).toMatchObject({ total: 1, data: [{ order_id: 'GO-1', items: [{ code: 'EVT' }] }] });
    expect(sb.state.transactions()).toHaveLength(1001);
  });

  it('lists pipelines and triggers one for a known contact only', async () => {
    const pipelines = await api.get('/pipelines');
    expect(pipelines.data).toHaveLength(2);
    const id = pipelines.data[0].id as number;
    await subscribe('p@example.cz');
    expect((await api.post('/pipelines/999/trigger', { email: 'p@example.cz' })).status).toBe(404);
    expect((await api.post(`/pipelines/${id}/trigger`, { email: 'ghost@example.cz' })).status).toBe(404);
    expect((await api.post(`/pipelines/${id}/trigger`, { email: 'p@example.cz' })).status).toBe(200);
    expect(sb.state.pipelineTriggers()).toEqual([{ pipelineId: id, email: 'p@example.cz', at: expect.any(Number) }]);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After in whole seconds once a key is over its window, and records the refusal', async () => {
    // A fake clock that stands still: all six requests fall in the same 1 s window however slow the machine.
    const limited = await startEcomailSandbox({ rateLimit: { requests: 5, windowMs: 1000 }, now: () => Date.parse('2026-06-14T10:00:00Z') });
    try {
      const client = axios.create({ baseURL: limited.url, headers: { key: limited.apiKey }, validateStatus: () => true });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.get('/lists')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const over = await client.get('/lists');
      expect(over.status).toBe(429);
      expect(over.headers['retry-after']).toBe('1');
      expect(over.data).toEqual({ message: 'Too Many Requests' });
      expect(limited.state.calls().at(-1)?.status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('faults', () => {
  it('errorRate 1 answers 5xx before auth; /__sandbox stays healthy', async () => {
    sb.setFaults({ errorRate: 1 });
    const res = await axios.get(`${sb.url}/lists`, { validateStatus: () => true });
    expect([500, 502, 503]).toContain(res.status);
    expect(res.data).toEqual({ message: expect.any(String) });
    expect((await axios.get(`${sb.url}/__sandbox/contacts`)).status).toBe(200);
  });

  it('resetRate 1 destroys the socket (socket hang up) and records status 0', async () => {
    sb.setFaults({ resetRate: 1 });
    const error = await api.get('/lists').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).code).toBe('ECONNRESET');
    expect(sb.state.calls()).toEqual([expect.objectContaining({ path: '/lists', status: 0 })]);
  });

  it('latencyMs delays the answer by at least that long', async () => {
    sb.setFaults({ latencyMs: 150 });
    const started = Date.now();
    expect((await api.get('/lists')).status).toBe(200);
    // Only a lower bound: the server sleeps before answering.
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('throttleRate 1 answers 429 with Retry-After regardless of the limit', async () => {
    sb.setFaults({ throttleRate: 1 });
    const res = await api.get('/lists');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
  });

  it('is reproducible for one seed and settable over HTTP', async () => {
    const run = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await api.get('/lists')).status);
      return statuses;
    };
    await axios.post(`${sb.url}/__sandbox/faults`, { errorRate: 0.5, seed: 7 });
    const first = await run();
    sb.setFaults({ seed: 7 });
    expect(await run()).toEqual(first);
    expect(first).toContain(200);
    expect(first.some((s) => s >= 500)).toBe(true);
    expect((await axios.post(`${sb.url}/__sandbox/faults`, { errorRate: 2 }, { validateStatus: () => true })).status).toBe(400);
  });
});

describe('list webhook', () => {
  it('POSTs SUBSCRIBED for a new single subscribe', async () => {
    await subscribe('hook@example.cz');
    const delivered = await receiver.waitFor((b) => b.payload.email === 'hook@example.cz');
    expect(delivered).toEqual({ payload: { email: 'hook@example.cz', status: 'SUBSCRIBED', listId: 1, campaignId: null } });
  });

  it('does not fire on API unsubscribe, but does on a simulated e-mail-link unsubscribe', async () => {
    await subscribe('api-unsub@example.cz');
    await subscribe('link-unsub@example.cz');
    await receiver.waitFor((b) => b.payload.email === 'link-unsub@example.cz');
    expect((await api.delete('/lists/1/unsubscribe', { data: { email: 'api-unsub@example.cz' } })).status).toBe(200);
    const simulated = await axios.post(`${sb.url}/__sandbox/lists/1/simulate-unsubscribe`, { email: 'link-unsub@example.cz' });
    expect(simulated.data.status).toBe(2);
    await receiver.waitFor((b) => b.payload.email === 'link-unsub@example.cz' && b.payload.status === 'UNSUBSCRIBED');
    const unsubscribed = receiver.received.filter((b) => b.payload.status === 'UNSUBSCRIBED').map((b) => b.payload.email);
    expect(unsubscribed).toEqual(['link-unsub@example.cz']);
  });

  it('the test receiver answers 400 to anything but a list webhook and records why', async () => {
    const send = (method: string, body?: string, url = receiver.url) =>
      // The bodies go as written (axios would JSON-encode '' into '""').
      axios.request({ method, url, data: body, transformRequest: (data: unknown) => data, headers: { 'content-type': 'application/json' }, validateStatus: () => true });
    expect((await send('GET')).status).toBe(400);
    expect((await send('POST', '{"payload":{}}', receiver.url.replace(/secret=\w+/, 'secret=guess'))).status).toBe(400);
    expect((await send('POST', '')).status).toBe(400);
    expect((await send('POST', '{"payload":{"email":"x@example.cz","status":"SUBSCRIBED","listId":1,"campaignId":null,"extra":1}}')).status).toBe(400);
    expect(receiver.rejected).toEqual([
      'GET /hook: method GET, expected POST',
      'POST /hook: wrong or missing secret',
      'POST /hook: empty body',
      'POST /hook: not a list webhook body: {"payload":{"email":"x@example.cz","status":"SUBSCRIBED","listId":1,"campaignId":null,"extra":1}}',
    ]);
    expect(receiver.received).toEqual([]);
    // Seen and checked: not a failure of this test.
    receiver.rejected.length = 0;
  });

  it('never fails the API call when the receiver is unreachable', async () => {
    const lonely = await startEcomailSandbox({ listWebhookUrl: 'http://127.0.0.1:1/hook' });
    try {
      const res = await axios.post(`${lonely.url}/lists/1/subscribe`, { subscriber_data: { email: 'x@example.cz' } }, { headers: { key: lonely.apiKey } });
      expect(res.status).toBe(200);
    } finally {
      await lonely.close();
    }
  });
});

describe('inspection over HTTP', () => {
  it('reads contacts, calls, events and transactions without auth and resets state', async () => {
    await subscribe('i@example.cz', { tags: ['x'] });
    await api.post('/tracker/events', { event: { email: 'i@example.cz', category: 'c' } });
    await api.post('/tracker/transaction', { transaction: { order_id: 'O-1', email: 'i@example.cz' } });
    await api.get('/lists/1/subscribers', { params: { page: 1 } });
    const base = `${sb.url}/__sandbox`;
    expect((await axios.get(`${base}/contacts`)).data).toEqual([expect.objectContaining({ email: 'i@example.cz', tags: ['x'] })]);
    expect((await axios.get(`${base}/contacts/${enc('i@example.cz')}`)).data.email).toBe('i@example.cz');
    const calls = (await axios.get(`${base}/calls`)).data;
    expect(calls).toHaveLength(4);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/lists/1/subscribe', body: { subscriber_data: { email: 'i@example.cz' } }, status: 200 });
    expect(calls[3]).toMatchObject({ method: 'GET', query: { page: '1' } });
    expect((await axios.get(`${base}/events`)).data).toHaveLength(1);
    expect((await axios.get(`${base}/transactions`)).data).toEqual([expect.objectContaining({ order_id: 'O-1' })]);
    expect((await axios.post(`${base}/reset`)).status).toBe(200);
    expect((await axios.get(`${base}/contacts`)).data).toEqual([]);
    expect((await axios.get(`${base}/calls`)).data).toEqual([]);
  });
});
