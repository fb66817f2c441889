import { ContactDirectory, EcomailApiError, EcomailClient, createNodeRuntime, saveContacts } from '@ecomail-bridge/shared/node';
import { startEcomailSandbox } from '../sandbox/ecomail';

type Sandbox = Awaited<ReturnType<typeof startEcomailSandbox>>;
let sandbox: Sandbox;
let client: EcomailClient;

beforeEach(async () => {
  sandbox = await startEcomailSandbox({ apiKeys: ['save-key'] });
  client = new EcomailClient({ apiKey: 'save-key', baseUrl: sandbox.url, ...createNodeRuntime() });
  await client.upsertContact(1, { email: 'member@example.cz', name: 'Old', tags: ['VIP'] });
});
afterEach(() => sandbox.close());

describe('saveContacts applies the import modes', () => {
  it('update-only updates members, skips strangers and never subscribes them', async () => {
    const { outcomes } = await saveContacts(
      client,
      1,
      [
        { email: 'member@example.cz', name: 'New', tags: ['GoOut'] },
        { email: 'stranger@example.cz', name: 'X' },
      ],
      { mode: 'update-only' },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['saved', 'skipped']);
    expect(sandbox.state.contact('member@example.cz')).toMatchObject({ name: 'New', tags: ['VIP', 'GoOut'] });
    expect(sandbox.state.contact('stranger@example.cz')).toBeUndefined();
  });

  it('add-only adds new e-mails and leaves members as they are', async () => {
    const { outcomes } = await saveContacts(client, 1, [{ email: 'member@example.cz', name: 'Changed' }], { mode: 'add-only' });
    expect(outcomes[0]).toMatchObject({ status: 'saved', alreadySubscribed: true });
    expect(sandbox.state.contact('member@example.cz')?.name).toBe('Old');
  });

  it('add-and-update goes in bulk for many rows, keeps existing tags, reports each row', async () => {
    const rows = [
      { email: 'member@example.cz', tags: ['GoOut'] },
      { email: 'new@example.cz', name: 'Nová' },
      { email: 'broken', name: 'Bad' },
    ];
    const { outcomes } = await saveContacts(client, 1, rows, { mode: 'add-and-update' });
    expect(outcomes.map((o) => o.status)).toEqual(['saved', 'saved', 'rejected']);
    expect((await saveContacts(client, 1, [{ email: 'third@example.cz' }, { email: 'new@example.cz' }], { mode: 'add-and-update' })).inserted).toBe(1);
    expect(sandbox.state.calls().some((c) => c.path === '/lists/1/subscribe-bulk')).toBe(true);
    expect(sandbox.state.contact('member@example.cz')?.tags).toEqual(['VIP', 'GoOut']);
  });

  it('replaces tags when asked to', async () => {
    await saveContacts(client, 1, [{ email: 'member@example.cz', tags: ['Only'] }], { mode: 'add-and-update', tagHandling: 'replace' });
    expect(sandbox.state.contact('member@example.cz')?.tags).toEqual(['Only']);
  });

  it('throws a refused key once instead of failing every row', async () => {
    const wrong = new EcomailClient({ apiKey: 'old-key', baseUrl: sandbox.url, ...createNodeRuntime() });
    const rows = [{ email: 'a@example.cz' }, { email: 'b@example.cz' }];
    await expect(saveContacts(wrong, 1, rows, { mode: 'add-and-update' })).rejects.toBeInstanceOf(EcomailApiError);
    await expect(saveContacts(wrong, 1, rows.slice(0, 1), { mode: 'add-and-update' })).rejects.toMatchObject({ status: 401 });
  });
});

describe('saveContacts merges repeated e-mails in one batch', () => {
  it('sends a repeated buyer once with the union of tags and the last non-empty value of each field', async () => {
    const before = sandbox.state.calls().length;
    const { outcomes } = await saveContacts(
      client,
      1,
      [
        { email: 'Twice@example.cz', name: 'Petr', phone: '+420601000001', tags: ['drama'] },
        { email: 'other@example.cz', name: 'Eva' },
        { email: 'twice@example.cz', name: 'Petr Jan', phone: '', tags: ['koncert'] },
      ],
      { tagHandling: 'replace' },
    );
    expect(outcomes.map((o) => [o.email, o.status, o.duplicateOf])).toEqual([
      ['twice@example.cz', 'saved', undefined],
      ['other@example.cz', 'saved', undefined],
      ['twice@example.cz', 'saved', 0],
    ]);
    const bulk = sandbox.state.calls().slice(before).filter((c) => c.path === '/lists/1/subscribe-bulk');
    expect(bulk.length).toBe(1);
    expect((bulk[0].body as { subscriber_data: Array<{ email: string }> }).subscriber_data.map((row) => row.email)).toEqual([
      'twice@example.cz',
      'other@example.cz',
    ]);
    const twice = sandbox.state.contact('twice@example.cz');
    expect([twice?.name, twice?.phone, twice?.tags]).toEqual(['Petr Jan', '+420601000001', ['drama', 'koncert']]);
  });
});

describe('saveContacts keeps tags reading only the contacts that exist', () => {
  const TAGGED_ELSEWHERE = 150;
  const TAGGED_HERE = 10;
  const NEW = 140;

  /** Contacts seeded through the API: some only in list 2, some in list 1, each with its own tag. */
  async function seedExisting(): Promise<void> {
    await fetch(`${sandbox.url}/lists`, {
      method: 'POST',
      headers: { key: 'save-key', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Other list', from_name: 'Kulturák', from_email: 'info@example.cz' }),
    });
    const elsewhere = Array.from({ length: TAGGED_ELSEWHERE }, (_, i) => ({ email: `elsewhere${i}@example.cz`, tags: [`old${i}`] }));
    const here = Array.from({ length: TAGGED_HERE }, (_, i) => ({ email: `here${i}@example.cz`, tags: [`vip${i}`] }));
    await client.upsertContacts(2, elsewhere);
    await client.upsertContacts(1, here);
  }

  it('reads each existing contact once, sends the rest in bulk and keeps every existing tag', async () => {
    await seedExisting();
    const rows = [
      ...Array.from({ length: TAGGED_ELSEWHERE }, (_, i) => ({ email: `elsewhere${i}@example.cz`, tags: ['GoOut'] })),
      ...Array.from({ length: TAGGED_HERE }, (_, i) => ({ email: `here${i}@example.cz`, tags: ['GoOut'] })),
      ...Array.from({ length: NEW }, (_, i) => ({ email: `new${i}@example.cz`, tags: ['GoOut'] })),
    ];
    const before = sandbox.state.calls().length;
    const { outcomes, inserted } = await saveContacts(client, 1, rows);

    expect(outcomes.filter((o) => o.status === 'saved').length).toBe(rows.length);
    expect(inserted).toBe(TAGGED_ELSEWHERE + NEW);
    const calls = sandbox.state.calls().slice(before).map((c) => `${c.method} ${c.path.replace(/\/subscribers\/[^/]+$/, '/subscribers/{email}')}${c.query.status ? `?status=${c.query.status}` : ''}`);
    const count = (call: string) => calls.filter((c) => c === call).length;
    expect([calls.length, count('GET /lists'), count('GET /lists/1'), count('GET /lists/2')]).toEqual([
      1 + 2 + 2 + TAGGED_ELSEWHERE + TAGGED_HERE + 2,
      1,
      1,
      1,
    ]);
    expect([count('GET /lists/1/subscribers?status=subscribed'), count('GET /lists/2/subscribers?status=subscribed')]).toEqual([1, 1]);
    expect(count('GET /subscribers/{email}')).toBe(TAGGED_ELSEWHERE + TAGGED_HERE);
    expect(count('POST /lists/1/subscribe-bulk')).toBe(2);
    for (let i = 0; i < TAGGED_ELSEWHERE; i++) expect(sandbox.state.contact(`elsewhere${i}@example.cz`)?.tags).toEqual([`old${i}`, 'GoOut']);
    for (let i = 0; i < TAGGED_HERE; i++) expect(sandbox.state.contact(`here${i}@example.cz`)?.tags).toEqual([`vip${i}`, 'GoOut']);
    for (let i = 0; i < NEW; i++) expect(sandbox.state.contact(`new${i}@example.cz`)?.tags).toEqual(['GoOut']);
  });

  it('reads every contact of a small batch instead of listing the account', async () => {
    const before = sandbox.state.calls().length;
    await saveContacts(client, 1, [
      { email: 'member@example.cz', tags: ['GoOut'] },
      { email: 'fresh@example.cz', tags: ['GoOut'] },
    ]);
    const paths = sandbox.state.calls().slice(before).map((c) => `${c.method} ${c.path}`);
    expect(paths).toEqual([
      'GET /subscribers/member%40example.cz',
      'GET /subscribers/fresh%40example.cz',
      'POST /lists/1/subscribe-bulk',
      'POST /lists/1/subscribe-bulk',
    ]);
    expect(sandbox.state.contact('member@example.cz')?.tags).toEqual(['VIP', 'GoOut']);
  });

  it('rewrites with tags merged when a contact that looked new turns out to exist', async () => {
    await seedExisting();
    const directory = new ContactDirectory(client);
    const firstBatch = Array.from({ length: 120 }, (_, i) => ({ email: `batch${i}@example.cz`, tags: ['GoOut'] }));
    await saveContacts(client, 1, firstBatch, { directory });
    // Created by somebody else after this run listed the account.
    await client.upsertContact(1, { email: 'late@example.cz', tags: ['VIP'] });
    const before = sandbox.state.calls().length;
    await saveContacts(client, 1, [{ email: 'late@example.cz', tags: ['GoOut'] }, { email: 'brand-new@example.cz', tags: ['GoOut'] }], { directory });
    expect(sandbox.state.contact('late@example.cz')?.tags).toEqual(['VIP', 'GoOut']);
    expect(sandbox.state.contact('brand-new@example.cz')?.tags).toEqual(['GoOut']);
    expect(sandbox.state.calls().slice(before).map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /lists/1/subscribe-bulk',
      'GET /subscribers/late%40example.cz',
      'GET /subscribers/brand-new%40example.cz',
      'POST /lists/1/subscribe-bulk',
    ]);
  });
});

describe('saveContacts remembers the tags of the contacts one run created', () => {
  const batch = (tag: string) => Array.from({ length: 120 }, (_, i) => ({ email: `run${i}@example.cz`, tags: [tag] }));
  const readsOf = (before: number) => sandbox.state.calls().slice(before).filter((c) => c.path.startsWith('/subscribers/')).length;

  it('does not read them back in a later batch and still keeps their tags', async () => {
    const directory = new ContactDirectory(client);
    await saveContacts(client, 1, batch('drama'), { directory });
    const before = sandbox.state.calls().length;
    await saveContacts(client, 1, batch('koncert'), { directory });
    expect(readsOf(before)).toBe(0);
    expect(sandbox.state.contact('run7@example.cz')?.tags).toEqual(['drama', 'koncert']);
  });

  it('reads them again when automations ran for them (they may have added tags)', async () => {
    const directory = new ContactDirectory(client);
    await saveContacts(client, 1, batch('drama'), { directory, subscribe: { triggerAutomations: true } });
    const before = sandbox.state.calls().length;
    await saveContacts(client, 1, batch('koncert'), { directory, subscribe: { triggerAutomations: true } });
    expect(readsOf(before)).toBe(120);
  });
});

describe('saveContacts subscribe choices', () => {
  beforeEach(async () => {
    await client.upsertContacts(1, [{ email: 'left@example.cz' }, { email: 'left2@example.cz' }]);
    for (const email of ['left@example.cz', 'left2@example.cz']) await client.unsubscribe(1, email);
  });

  it('resubscribes only the rows whose own consent allows it', async () => {
    await saveContacts(client, 1, [{ email: 'left@example.cz' }, { email: 'left2@example.cz' }], {
      subscribe: { resubscribe: true },
      resubscribeAllowed: [true, false],
    });
    expect([sandbox.state.contact('left@example.cz')?.lists['1'].status, sandbox.state.contact('left2@example.cz')?.lists['1'].status]).toEqual([1, 2]);
  });

  it('never resubscribes without the user asking', async () => {
    await saveContacts(client, 1, [{ email: 'left@example.cz' }, { email: 'left2@example.cz' }]);
    expect([sandbox.state.contact('left@example.cz')?.lists['1'].status, sandbox.state.contact('left2@example.cz')?.lists['1'].status]).toEqual([2, 2]);
  });
});

describe('saveContacts with double opt-in', () => {
  it('sends one subscribe call per contact so Ecomail can ask each one to confirm', async () => {
    const doi = await startEcomailSandbox({ apiKeys: ['doi-key'], lists: [{ id: 5, name: 'DOI', doubleOptin: true }] });
    try {
      const doiClient = new EcomailClient({ apiKey: 'doi-key', baseUrl: doi.url, ...createNodeRuntime() });
      await saveContacts(doiClient, 5, [{ email: 'a@example.cz' }, { email: 'b@example.cz' }], { subscribe: { doubleOptIn: true } });
      expect(doi.state.calls().map((c) => `${c.method} ${c.path}`)).toEqual(['POST /lists/5/subscribe', 'POST /lists/5/subscribe']);
      expect([doi.state.contact('a@example.cz')?.lists['5'].status, doi.state.contact('b@example.cz')?.lists['5'].status]).toEqual([6, 6]);
    } finally {
      await doi.close();
    }
  });
});
