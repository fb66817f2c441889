import axios, { type AxiosInstance } from 'axios';
import { startGetResponseSandbox, type GetResponseSandbox } from './getresponse';

let sb: GetResponseSandbox;
let api: AxiosInstance;
let campaign: string;

beforeAll(async () => {
  sb = await startGetResponseSandbox({ createDelayMs: 0 });
  api = axios.create({ baseURL: sb.apiUrl, headers: { 'X-Auth-Token': `api-key ${sb.apiKey}` }, validateStatus: () => true });
  campaign = sb.campaignIds[0];
});

afterAll(() => sb.close());

beforeEach(() => {
  sb.state.reset();
  sb.setFaults({ errorRate: 0, resetRate: 0, throttleRate: 0, latencyMs: 0, seed: 1 });
  sb.setRateLimit({ requests: 30_000, windowMs: 600_000, burst: 80, maxConcurrent: 10 });
  sb.setCreateDelay(0);
  sb.setImportConfig({ delayMs: 0, reject: false, dailyLimit: 20, incompleteStatisticsPolls: 0 });
});

const createContact = (email: string, extra: Record<string, unknown> = {}) => api.post('/contacts', { email, campaign: { campaignId: campaign }, ...extra });
const find = async (email: string) => (await api.get('/contacts', { params: { 'query[email]': email, 'query[campaignId]': campaign, additionalFlags: 'exactMatch' } })).data as Array<{ contactId: string; email: string }>;

describe('auth and X-Domain', () => {
  it('answers 401 code 1014 without the api-key header, with another key or another scheme', async () => {
    const bare = await axios.get(`${sb.apiUrl}/campaigns`, { validateStatus: () => true });
    const wrong = await axios.get(`${sb.apiUrl}/campaigns`, { headers: { 'X-Auth-Token': 'api-key nope' }, validateStatus: () => true });
    const scheme = await axios.get(`${sb.apiUrl}/campaigns`, { headers: { 'X-Auth-Token': sb.apiKey }, validateStatus: () => true });
    expect([bare.status, wrong.status, scheme.status]).toEqual([401, 401, 401]);
    expect(bare.data).toMatchObject({ httpStatus: 401, code: 1014 });
    expect((await api.get('/campaigns')).status).toBe(200);
    expect(sb.state.calls().map((call) => call.status)).toEqual([401, 401, 401, 200]);
  });

  it('refuses X-Domain on an ordinary account, and needs the exact one on a MAX account', async () => {
    expect((await api.get('/accounts', { headers: { 'X-Domain': 'example.com' } })).status).toBe(403);
    const max = await startGetResponseSandbox({ enterpriseDomain: 'example.com' });
    try {
      const call = (domain?: string) =>
        axios.get(`${max.apiUrl}/accounts`, { headers: { 'X-Auth-Token': `api-key ${max.apiKey}`, ...(domain ? { 'X-Domain': domain } : {}) }, validateStatus: () => true });
      expect([(await call()).status, (await call('www.example.com')).status, (await call('example.com')).status]).toEqual([401, 401, 200]);
      expect(max.state.calls().map((c) => c.domain)).toEqual([undefined, 'www.example.com', 'example.com']);
    } finally {
      await max.close();
    }
  });
});

describe('rate limits', () => {
  it('sends X-RateLimit-Limit, -Remaining and -Reset (seconds left) on every reply, and 429 code 1015 past the window', async () => {
    sb.setRateLimit({ requests: 3, windowMs: 60_000 });
    const replies = [await api.get('/campaigns'), await api.get('/tags'), await api.get('/custom-fields'), await api.get('/campaigns')];
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(replies.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(['2', '1', '0', '0']);
    expect(replies.every((r) => r.headers['x-ratelimit-limit'] === '3')).toBe(true);
    const reset = Number(replies[3].headers['x-ratelimit-reset']);
    expect(reset).toBeGreaterThan(55);
    expect(reset).toBeLessThanOrEqual(60);
    expect(replies[3].data).toMatchObject({ httpStatus: 429, code: 1015, context: { currentLimit: 3, timeToReset: reset } });
  });

  it('refuses the 11th parallel request and the 81st of one second with a one-second reset', async () => {
    sb.setFaults({ latencyMs: 150 });
    const parallel = await Promise.all(Array.from({ length: 12 }, () => api.get('/campaigns')));
    expect(parallel.filter((r) => r.status === 429).map((r) => r.headers['x-ratelimit-reset'])).toEqual(['1', '1']);
    sb.setFaults({ latencyMs: 0 });
    sb.state.reset();
    sb.setRateLimit({ burst: 5, maxConcurrent: 10 });
    const burst = await Promise.all(Array.from({ length: 7 }, () => api.get('/tags')));
    expect(burst.map((r) => r.status).filter((s) => s === 429)).toHaveLength(2);
  });

  it('injects throttles with the window spent and a short reset', async () => {
    sb.setFaults({ throttleRate: 1 });
    const reply = await api.get('/campaigns');
    expect(reply.status).toBe(429);
    expect([reply.headers['x-ratelimit-remaining'], reply.headers['x-ratelimit-reset']]).toEqual(['0', '1']);
  });
});

describe('contacts', () => {
  it('queues a create (202, empty body): invisible to searches until the delay has passed', async () => {
    sb.setCreateDelay(60_000);
    const created = await createContact('Jana@Example.cz', { name: 'Jana Nováková' });
    expect(created.status).toBe(202);
    expect(created.data).toBe('');
    expect(await find('jana@example.cz')).toEqual([]);
    expect(sb.state.contact('jana@example.cz')).toMatchObject({ queued: true, name: 'Jana Nováková' });
    expect((await createContact('jana@example.cz')).status).toBe(409);
    sb.state.flush();
    expect((await find('jana@example.cz')).map((c) => c.email)).toEqual(['jana@example.cz']);
  });

  it('answers 409 code 1008 for an address already in the list, and lets the same address into another list', async () => {
    await createContact('a@example.cz');
    const again = await createContact('a@example.cz');
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ code: 1008 });
    const other = await api.post('/contacts', { email: 'a@example.cz', campaign: { campaignId: sb.campaignIds[1] } });
    expect(other.status).toBe(202);
    expect(sb.state.contacts().map((c) => [c.email, c.campaignId])).toEqual([
      ['a@example.cz', sb.campaignIds[0]],
      ['a@example.cz', sb.campaignIds[1]],
    ]);
  });

  it('lets another writer win the race for one marked address: the create gets 409, the address is there', async () => {
    sb.loseRaceFor('race@example.cz');
    expect((await createContact('race@example.cz', { name: 'Mine' })).status).toBe(409);
    expect(sb.state.contact('race@example.cz')).toMatchObject({ name: 'Another Writer', origin: 'other-writer', queued: false });
    expect((await createContact('next@example.cz')).status).toBe(202);
  });

  it('matches LIKE without exactMatch and exactly with it', async () => {
    for (const email of ['ann@example.cz', 'joann@example.cz']) await createContact(email);
    const like = await api.get('/contacts', { params: { 'query[email]': 'ann@example.cz' } });
    expect(like.data.map((c: { email: string }) => c.email).sort()).toEqual(['ann@example.cz', 'joann@example.cz']);
    expect((await find('ann@example.cz')).map((c) => c.email)).toEqual(['ann@example.cz']);
    expect(like.headers).toMatchObject({ totalcount: '2', totalpages: '1', currentpage: '1' });
  });

  it('validates e-mail, campaign, tag ids and field values (400 code 1000 with context)', async () => {
    const noEmail = await api.post('/contacts', { campaign: { campaignId: campaign } });
    expect(noEmail.data).toMatchObject({ httpStatus: 400, code: 1000, context: [{ fieldName: ['email'] }] });
    expect((await createContact('bad@@example.cz')).status).toBe(400);
    expect((await api.post('/contacts', { email: 'x@example.cz', campaign: { campaignId: 'nope' } })).status).toBe(400);
    expect((await createContact('x@example.cz', { tags: [{ tagId: 'missing' }] })).status).toBe(400);
    const phone = sb.state.customFields().find((field) => field.name === 'phone')!;
    const badPhone = await createContact('x@example.cz', { customFieldValues: [{ customFieldId: phone.customFieldId, value: ['call me'] }] });
    expect(badPhone.data.context[0].errorDescription).toMatch(/phone/);
    const notArray = await createContact('x@example.cz', { customFieldValues: [{ customFieldId: phone.customFieldId, value: '+420123456789' }] });
    expect(notArray.status).toBe(400);
    expect((await api.post('/contacts', 'email=x', { headers: { 'Content-Type': 'text/plain' } })).status).toBe(400);
    expect(sb.state.contacts()).toEqual([]);
  });

  it('replaces tags and fields on update, adds them through the tags and custom-fields calls', async () => {
    const a = (await api.post('/tags', { name: 'GoOut' })).data.tagId;
    const b = (await api.post('/tags', { name: 'drama' })).data.tagId;
    const c = (await api.post('/tags', { name: 'jazz' })).data.tagId;
    const city = sb.state.customFields().find((field) => field.name === 'city')!.customFieldId;
    const company = sb.state.customFields().find((field) => field.name === 'company')!.customFieldId;
    await createContact('t@example.cz', { tags: [{ tagId: a }, { tagId: b }], customFieldValues: [{ customFieldId: city, value: ['Brno'] }] });
    const [{ contactId }] = await find('t@example.cz');
    await api.post(`/contacts/${contactId}/tags`, { tags: [{ tagId: c }] });
    await api.post(`/contacts/${contactId}/custom-fields`, { customFieldValues: [{ customFieldId: company, value: ['Divadlo'] }] });
    expect(sb.state.contact('t@example.cz')).toMatchObject({ tags: ['GoOut', 'drama', 'jazz'], fields: { city: ['Brno'], company: ['Divadlo'] } });
    const updated = await api.post(`/contacts/${contactId}`, { name: 'Tom', tags: [{ tagId: c }], customFieldValues: [{ customFieldId: city, value: ['Praha'] }] });
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({ name: 'Tom', tags: [{ name: 'jazz' }], customFieldValues: [{ name: 'city', value: ['Praha'] }] });
    expect(sb.state.contact('t@example.cz')).toMatchObject({ name: 'Tom', tags: ['jazz'], fields: { city: ['Praha'] } });
    expect((await api.post('/contacts/unknown', { name: 'x' })).status).toBe(404);
  });
});

describe('tags and custom fields', () => {
  it('takes tag names of 2–64 of [_a-zA-Z0-9] only, unique regardless of case', async () => {
    const refused = await Promise.all(['hudba a tanec', 'činohra', 'x', 'a'.repeat(65), 'stand-up'].map((name) => api.post('/tags', { name })));
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect((await api.post('/tags', { name: 'hudba_a_tanec' })).status).toBe(201);
    expect((await api.post('/tags', { name: 'GoOut_newsletter' })).status).toBe(201);
    expect((await api.post('/tags', { name: 'goout_NEWSLETTER' })).status).toBe(409);
    expect(sb.state.tags().map((tag) => tag.name)).toEqual(['hudba_a_tanec', 'GoOut_newsletter']);
    const filtered = await api.get('/tags', { params: { 'query[name]': 'hudba' } });
    expect(filtered.data.map((tag: { name: string }) => tag.name)).toEqual(['hudba_a_tanec']);
  });

  it('creates a custom field only with a lower-case name and hidden as the string "false"', async () => {
    const base = { type: 'text', format: 'text', values: [] };
    expect((await api.post('/custom-fields', { ...base, name: 'Vokativ', hidden: 'false' })).status).toBe(400);
    expect((await api.post('/custom-fields', { ...base, name: 'vokativ', hidden: false })).status).toBe(400);
    const created = await api.post('/custom-fields', { ...base, name: 'vokativ', hidden: 'false' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ name: 'vokativ', hidden: 'false', type: 'text' });
    expect((await api.post('/custom-fields', { ...base, name: 'vokativ', hidden: 'false' })).status).toBe(409);
  });

  it('pages listings with perPage and the TotalPages / CurrentPage headers', async () => {
    for (let i = 0; i < 5; i++) await api.post('/tags', { name: `tag_${i}` });
    const page = await api.get('/tags', { params: { page: 2, perPage: 2 } });
    expect(page.data.map((tag: { name: string }) => tag.name)).toEqual(['tag_2', 'tag_3']);
    expect([page.headers.totalpages, page.headers.currentpage, page.headers.totalcount]).toEqual(['3', '2', '5']);
  });
});

describe('imports', () => {
  const mapping = ['email', 'name', 'city', 'tag:GoOut'];

  it('adds and updates by name columns; "1" attaches a tag, "0" detaches none', async () => {
    const goout = (await api.post('/tags', { name: 'GoOut' })).data.tagId;
    const drama = (await api.post('/tags', { name: 'drama' })).data.tagId;
    await createContact('old@example.cz', { name: 'Old', tags: [{ tagId: goout }, { tagId: drama }] });
    const started = await api.post('/imports', {
      campaignId: campaign,
      fieldMapping: mapping,
      contacts: [
        ['old@example.cz', 'Old Updated', 'Brno', '0'],
        ['new@example.cz', 'New', 'Praha', '1'],
        ['broken', 'X', 'Olomouc', '1'],
      ],
    });
    expect(started.status).toBe(201);
    const id = started.data.importId;
    const state = await api.get(`/imports/${id}`);
    expect(state.data).toMatchObject({ state: 'finished', statistics: { uploaded: 3, invalid: 1, updated: 1, addedToList: 1 } });
    expect(sb.state.contact('old@example.cz')).toMatchObject({ name: 'Old Updated', tags: ['GoOut', 'drama'], fields: { city: ['Brno'] } });
    expect(sb.state.contact('new@example.cz')).toMatchObject({ name: 'New', tags: ['GoOut'], origin: 'import' });
    expect(sb.state.contacts()).toHaveLength(2);
  });

  it('refuses a mapping without email, unknown names, short rows, a second import of a busy list, and the 21st of a day', async () => {
    await api.post('/tags', { name: 'GoOut' });
    const post = (body: Record<string, unknown>) => api.post('/imports', { campaignId: campaign, fieldMapping: mapping, contacts: [['a@example.cz', 'A', 'Brno', '1']], ...body });
    expect((await post({ fieldMapping: ['name'] })).status).toBe(400);
    expect((await post({ fieldMapping: ['email', 'nosuchfield'], contacts: [['a@example.cz', 'x']] })).status).toBe(400);
    expect((await post({ fieldMapping: ['email', 'tag:nosuchtag'], contacts: [['a@example.cz', '1']] })).status).toBe(400);
    expect((await post({ contacts: [['a@example.cz']] })).status).toBe(400);
    sb.setImportConfig({ delayMs: 60_000 });
    expect((await post({})).status).toBe(201);
    expect((await post({})).status).toBe(409);
    sb.state.flush();
    sb.setImportConfig({ delayMs: 0, dailyLimit: 3 });
    expect([(await post({})).status, (await post({})).status, (await post({})).status]).toEqual([201, 201, 400]);
  });

  it('can reject an import, and show empty statistics on the first reads after finishing', async () => {
    await api.post('/tags', { name: 'GoOut' });
    sb.setImportConfig({ incompleteStatisticsPolls: 1 });
    const first = (await api.post('/imports', { campaignId: campaign, fieldMapping: mapping, contacts: [['a@example.cz', 'A', 'Brno', '1']] })).data.importId;
    expect((await api.get(`/imports/${first}`)).data.statistics).toEqual({ uploaded: 0, invalid: 0, updated: 0, addedToList: 0 });
    expect((await api.get(`/imports/${first}`)).data.statistics).toEqual({ uploaded: 1, invalid: 0, updated: 0, addedToList: 1 });
    sb.setImportConfig({ reject: true, incompleteStatisticsPolls: 0 });
    const second = (await api.post('/imports', { campaignId: campaign, fieldMapping: mapping, contacts: [['b@example.cz', 'B', 'Brno', '1']] })).data.importId;
    expect((await api.get(`/imports/${second}`)).data.state).toBe('rejected');
    expect(sb.state.contacts().map((c) => c.email)).toEqual(['a@example.cz']);
  });
});

describe('inspection over HTTP', () => {
  it('shows contacts, imports and calls, and sets faults, queue, race and import knobs without auth', async () => {
    await axios.post(`${sb.url}/__sandbox/queue`, { createDelayMs: 5_000 });
    await axios.post(`${sb.url}/__sandbox/race`, { email: 'r@example.cz' });
    await createContact('q@example.cz');
    expect((await createContact('r@example.cz')).status).toBe(409);
    const contacts = (await axios.get(`${sb.url}/__sandbox/contacts`)).data as Array<{ email: string; queued: boolean }>;
    expect(contacts.map((c) => [c.email, c.queued])).toEqual([
      ['q@example.cz', true],
      ['r@example.cz', false],
    ]);
    expect((await axios.post(`${sb.url}/__sandbox/faults`, { errorRate: 2 }, { validateStatus: () => true })).status).toBe(400);
    await axios.post(`${sb.url}/__sandbox/faults`, { errorRate: 1 });
    expect([500, 502, 503]).toContain((await api.get('/campaigns')).status);
    expect((await axios.get(`${sb.url}/__sandbox/calls`)).data.map((c: { path: string }) => c.path)).toEqual(['/contacts', '/contacts', '/campaigns']);
    await axios.post(`${sb.url}/__sandbox/reset`);
    expect((await axios.get(`${sb.url}/__sandbox/contacts`)).data).toEqual([]);
  });
});
