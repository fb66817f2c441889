import {
  GETRESPONSE_EVENTS_NOT_KEPT,
  GETRESPONSE_KEY_REJECTED,
  GETRESPONSE_ORDERS_NOT_KEPT,
  GetResponseApiError,
  NOT_IN_LIST_REASON,
  NO_CONSENT_REASON,
  createGetResponseDestination,
  createNodeRuntime,
  saveContacts,
  type SubscriberData,
} from '@ecomail-bridge/shared/node';
import { startGetResponseSandbox, type GetResponseSandbox } from '../sandbox/getresponse';
import { callLines, sandboxDestination } from './helpers';

let sandbox: GetResponseSandbox;
let campaign: string;

beforeAll(async () => {
  sandbox = await startGetResponseSandbox({ createDelayMs: 0, customFields: [{ name: 'postal_code', type: 'text' }, { name: 'phone', type: 'phone' }, { name: 'gender', type: 'single_select', values: ['Male', 'Female'] }] });
  campaign = sandbox.campaignIds[0];
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.state.reset();
  sandbox.setCreateDelay(0);
  sandbox.setImportConfig({ delayMs: 0, reject: false, incompleteStatisticsPolls: 0 });
  sandbox.setFaults({ errorRate: 0, throttleRate: 0, resetRate: 0, latencyMs: 0, seed: 3 });
});

const jana: SubscriberData = {
  email: 'Jana@Example.cz',
  name: 'Jana',
  surname: 'Nováková',
  vokativ: 'Jano',
  gender: 'female',
  zip: '60200',
  custom_fields: { goout_last_event: 'Hamlet' },
  tags: ['GoOut', 'hudba a tanec', 'činohra'],
};

describe('the GetResponse destination through saveContacts', () => {
  it('creates new contacts with tags and fields made under GetResponse names (missing ones created), one lookup and one create each', async () => {
    const destination = sandboxDestination(sandbox);
    const result = await saveContacts(destination, campaign, [jana, { email: 'petr@example.cz', name: 'Petr', tags: ['GoOut'] }]);
    expect(result.outcomes.map((o) => [o.status, o.email, o.status === 'saved' ? o.alreadySubscribed : undefined])).toEqual([
      ['saved', 'jana@example.cz', false],
      ['saved', 'petr@example.cz', false],
    ]);
    expect(result.inserted).toBe(2);
    expect(sandbox.state.contacts().map(({ email, name, tags, fields, dayOfCycle }) => ({ email, name, tags, fields, dayOfCycle }))).toEqual([
      {
        email: 'jana@example.cz',
        name: 'Jana Nováková',
        tags: ['GoOut', 'hudba_a_tanec', 'cinohra'],
        fields: { vokativ: ['Jano'], gender: ['Female'], postal_code: ['60200'], goout_last_event: ['Hamlet'] },
        dayOfCycle: null,
      },
      { email: 'petr@example.cz', name: 'Petr', tags: ['GoOut'], fields: {}, dayOfCycle: null },
    ]);
    expect(sandbox.state.customFields().map((field) => [field.name, field.type])).toEqual([
      ['postal_code', 'text'],
      ['phone', 'phone'],
      ['gender', 'single_select'],
      ['vokativ', 'text'],
      ['goout_last_event', 'text'],
    ]);
    expect(callLines(sandbox)).toEqual([
      'GET /tags',
      'POST /tags',
      'POST /tags',
      'POST /tags',
      'GET /custom-fields',
      'POST /custom-fields',
      'POST /custom-fields',
      'GET /contacts',
      'GET /contacts',
      'POST /contacts',
      'POST /contacts',
    ]);
  });

  it('adds tags beside the existing ones and sets fields without wiping others (Add to Existing Tags), or replaces the tags', async () => {
    const destination = sandboxDestination(sandbox);
    await saveContacts(destination, campaign, [{ email: 'eva@example.cz', name: 'Eva', tags: ['old'], custom_fields: { ellity_pin: '1234' } }]);
    const before = sandbox.state.calls().length;
    const added = await saveContacts(destination, campaign, [{ email: 'eva@example.cz', name: 'Eva', tags: ['GoOut'], custom_fields: { goout_last_event: 'Jazz' } }]);
    expect(added.outcomes.map((o) => [o.status, o.status === 'saved' && o.alreadySubscribed])).toEqual([['saved', true]]);
    expect(added.inserted).toBe(0);
    expect(sandbox.state.contact('eva@example.cz')).toMatchObject({ tags: ['old', 'GoOut'], fields: { ellity_pin: ['1234'], goout_last_event: ['Jazz'] } });
    // The name is unchanged, so only the tags and fields calls follow the lookup.
    expect(callLines(sandbox, before)).toEqual(['POST /tags', 'POST /custom-fields', 'GET /contacts', 'POST /contacts/:id/tags', 'POST /contacts/:id/custom-fields']);

    await saveContacts(destination, campaign, [{ email: 'eva@example.cz', name: 'Eva Nová', tags: ['drama'] }], { tagHandling: 'replace' });
    expect(sandbox.state.contact('eva@example.cz')).toMatchObject({ name: 'Eva Nová', tags: ['drama'], fields: { ellity_pin: ['1234'], goout_last_event: ['Jazz'] } });
  });

  it('keeps add only and update only: add only leaves an existing contact as it is, update only skips strangers', async () => {
    const destination = sandboxDestination(sandbox);
    await saveContacts(destination, campaign, [{ email: 'a@example.cz', name: 'First' }]);
    const before = sandbox.state.calls().length;
    const addOnly = await saveContacts(destination, campaign, [{ email: 'a@example.cz', name: 'Changed' }, { email: 'b@example.cz', name: 'B' }], { mode: 'add-only' });
    expect(addOnly.outcomes.map((o) => [o.status, o.status === 'saved' && o.alreadySubscribed])).toEqual([
      ['saved', true],
      ['saved', false],
    ]);
    expect(addOnly.inserted).toBe(1);
    // Tags and fields were listed by the first call; add only needs no lookup.
    expect(callLines(sandbox, before)).toEqual(['POST /contacts', 'POST /contacts']);
    expect(sandbox.state.contact('a@example.cz')?.name).toBe('First');

    const updateOnly = await saveContacts(destination, campaign, [{ email: 'b@example.cz', name: 'Bea' }, { email: 'c@example.cz', name: 'C' }], { mode: 'update-only' });
    expect(updateOnly.outcomes.map((o) => [o.email, o.status, o.status === 'skipped' ? o.reason : undefined])).toEqual([
      ['b@example.cz', 'saved', undefined],
      ['c@example.cz', 'skipped', NOT_IN_LIST_REASON],
    ]);
    expect(sandbox.state.contacts().map((c) => [c.email, c.name])).toEqual([
      ['a@example.cz', 'First'],
      ['b@example.cz', 'Bea'],
    ]);
  });

  it('never creates a contact without consent, but updates one that is in the list already', async () => {
    const destination = sandboxDestination(sandbox);
    await saveContacts(destination, campaign, [{ email: 'member@example.cz', name: 'M' }]);
    const result = await saveContacts(
      destination,
      campaign,
      [{ email: 'member@example.cz', tags: ['GoOut'] }, { email: 'stranger@example.cz', tags: ['GoOut'] }],
      { resubscribeAllowed: [false, false] },
    );
    expect(result.outcomes.map((o) => [o.email, o.status, o.status === 'skipped' ? o.reason : undefined])).toEqual([
      ['member@example.cz', 'saved', undefined],
      ['stranger@example.cz', 'skipped', NO_CONSENT_REASON],
    ]);
    expect(sandbox.state.contacts().map((c) => [c.email, c.tags])).toEqual([['member@example.cz', ['GoOut']]]);
  });

  it('turns a create answered 409 (another writer won the race) into an update of that contact', async () => {
    sandbox.loseRaceFor('race@example.cz');
    const result = await saveContacts(sandboxDestination(sandbox), campaign, [{ email: 'race@example.cz', name: 'Mine', tags: ['GoOut'] }]);
    expect(result.outcomes.map((o) => [o.status, o.status === 'saved' && o.alreadySubscribed])).toEqual([['saved', true]]);
    expect(result.inserted).toBe(0);
    expect(sandbox.state.contacts().map((c) => [c.email, c.name, c.tags, c.origin])).toEqual([['race@example.cz', 'Mine', ['GoOut'], 'other-writer']]);
    expect(callLines(sandbox).slice(-5)).toEqual(['GET /contacts', 'POST /contacts', 'GET /contacts', 'POST /contacts/:id', 'POST /contacts/:id/tags']);
  });

  it('waits for a queued contact (202 not visible yet) when a later batch writes it again', async () => {
    sandbox.setCreateDelay(1500);
    const destination = sandboxDestination(sandbox, { timing: { relookupWaitsMs: [100, 200, 400, 800, 1600] } });
    await saveContacts(destination, campaign, [{ email: 'q@example.cz', name: 'Queued', tags: ['one'] }]);
    expect(sandbox.state.contact('q@example.cz')?.queued).toBe(true);
    const before = sandbox.state.calls().length;
    const again = await saveContacts(destination, campaign, [{ email: 'q@example.cz', tags: ['two'] }]);
    expect(again.outcomes.map((o) => o.status)).toEqual(['saved']);
    expect(sandbox.state.contact('q@example.cz')).toMatchObject({ name: 'Queued', tags: ['one', 'two'], queued: false });
    const calls = sandbox.state.calls().slice(before);
    // The lookup misses the queued contact, the create says 409, lookups follow until it shows.
    expect(calls.filter((c) => c.path === '/contacts' && c.method === 'POST').map((c) => c.status)).toEqual([409]);
    expect(callLines(sandbox, before).slice(-1)).toEqual(['POST /contacts/:id/tags']);
  });

  it('fails a contact GetResponse refuses with its reason and leaves a value a choice field does not take out', async () => {
    const result = await saveContacts(sandboxDestination(sandbox), campaign, [
      { email: 'p@example.cz', phone: 'call me' },
      { email: 'g@example.cz', custom_fields: { gender: 'other' } },
      { email: 'not-an-email' },
    ]);
    expect(result.outcomes.map((o) => [o.email, o.status, 'reason' in o ? o.reason : undefined])).toEqual([
      ['p@example.cz', 'failed', 'GetResponse answered 400 to POST /contacts: Validation error; customFieldValues.0.value: "call me" is not a phone number'],
      ['g@example.cz', 'saved', undefined],
      ['not-an-email', 'rejected', '"not-an-email" is not a valid e-mail address'],
    ]);
    expect(result.outcomes[1]).toMatchObject({ response: { fieldsNotWritten: [{ field: 'gender', reason: '"other" is not one of the field\'s values (Male, Female)' }] } });
    expect(sandbox.state.contacts().map((c) => [c.email, c.fields])).toEqual([['g@example.cz', {}]]);
  });

  it('throws a refused key once, before any contact is written', async () => {
    const destination = sandboxDestination(sandbox, { apiKey: 'wrong-key-1234' });
    const rows = Array.from({ length: 5 }, (_, i) => ({ email: `k${i}@example.cz`, tags: ['GoOut'] }));
    const error = await saveContacts(destination, campaign, rows).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GetResponseApiError);
    expect([(error as GetResponseApiError).message, destination.isAuthError(error)]).toEqual([GETRESPONSE_KEY_REJECTED, true]);
    expect(callLines(sandbox)).toEqual(['GET /tags']);
    expect(JSON.stringify(sandbox.state.calls())).not.toContain('wrong-key-1234');
  });

  it('lists the campaign once for a large batch instead of looking each address up, and keeps the listing for the run', async () => {
    await saveContacts(sandboxDestination(sandbox), campaign, Array.from({ length: 30 }, (_, i) => ({ email: `old${i}@example.cz`, name: 'Old' })), { mode: 'add-only' });
    const destination = sandboxDestination(sandbox);
    const before = sandbox.state.calls().length;
    const rows = [...Array.from({ length: 30 }, (_, i) => ({ email: `old${i}@example.cz`, tags: ['GoOut'] })), ...Array.from({ length: 90 }, (_, i) => ({ email: `new${i}@example.cz` }))];
    // Without consent: the existing ones are updated, the new ones skipped, and no address is looked up.
    const result = await saveContacts(destination, campaign, rows, { tagHandling: 'replace', resubscribeAllowed: rows.map(() => false) });
    expect(result.outcomes.map((o) => o.status)).toEqual([...Array<string>(30).fill('saved'), ...Array<string>(90).fill('skipped')]);
    const lines = callLines(sandbox, before);
    expect([lines.filter((line) => line === 'GET /contacts').length, lines.filter((line) => line === 'POST /contacts/:id').length]).toEqual([1, 30]);
    const again = sandbox.state.calls().length;
    await saveContacts(destination, campaign, [{ email: 'old1@example.cz', name: 'Older' }]);
    expect(callLines(sandbox, again)).toEqual(['POST /contacts/:id']);
    expect(sandbox.state.contact('old1@example.cz')).toMatchObject({ name: 'Older', tags: ['GoOut'] });
  });

  it('waits out a spent window from X-RateLimit-Reset and loses nothing', async () => {
    sandbox.setRateLimit({ requests: 6, windowMs: 1500 });
    const destination = sandboxDestination(sandbox, { apiKey: sandbox.apiKey });
    const started = Date.now();
    const rows = Array.from({ length: 4 }, (_, i) => ({ email: `w${i}@example.cz` }));
    const result = await saveContacts(destination, campaign, rows, { concurrency: 1 });
    sandbox.setRateLimit({ requests: 30_000, windowMs: 600_000 });
    expect(result.outcomes.map((o) => o.status)).toEqual(['saved', 'saved', 'saved', 'saved']);
    expect(sandbox.state.contacts().map((c) => c.email)).toEqual(rows.map((r) => r.email));
    const refused = sandbox.state.calls().filter((c) => c.status === 429).length;
    // 10 calls (2 listings, 4 lookups, 4 creates) in windows of 6: the 7th waited for the reset.
    expect([refused, Date.now() - started >= 1000]).toEqual([0, true]);
  });
});

describe('imports for large "add and update" batches', () => {
  const rows = (n: number, from = 0): SubscriberData[] =>
    Array.from({ length: n }, (_, i) => ({ email: `imp${from + i}@example.cz`, name: `Buyer ${from + i}`, vokativ: 'Kupující', tags: ['GoOut', i % 2 ? 'drama' : 'jazz'] }));

  it('sends one import per group of contacts that fill the same fields, and polls it to the end', async () => {
    sandbox.setImportConfig({ delayMs: 120, incompleteStatisticsPolls: 1 });
    const destination = sandboxDestination(sandbox);
    const batch = [...rows(250), ...Array.from({ length: 3 }, (_, i) => ({ email: `few${i}@example.cz`, tags: ['GoOut'] }))];
    const result = await saveContacts(destination, campaign, batch);
    expect(result.outcomes.filter((o) => o.status !== 'saved')).toEqual([]);
    expect(result.inserted).toBe(253);
    expect(sandbox.state.imports().map((i) => [i.state, i.rows, i.fieldMapping, i.statistics])).toEqual([
      ['finished', 250, ['email', 'name', 'vokativ', 'tag:GoOut', 'tag:jazz', 'tag:drama'], { uploaded: 250, invalid: 0, updated: 0, addedToList: 250 }],
    ]);
    expect(sandbox.state.contacts()).toHaveLength(253);
    expect(sandbox.state.contact('imp1@example.cz')).toMatchObject({ name: 'Buyer 1', tags: ['GoOut', 'drama'], fields: { vokativ: ['Kupující'] }, origin: 'import' });
    expect(callLines(sandbox).filter((line) => line === 'POST /contacts')).toHaveLength(3);
  });

  it('gives every row of an import with invalid rows its own answer one by one', async () => {
    const phoneRows = Array.from({ length: 210 }, (_, i) => ({ email: `ph${i}@example.cz`, phone: i === 3 ? 'call me' : '+420 601 000 000' }));
    const result = await saveContacts(sandboxDestination(sandbox), campaign, phoneRows);
    expect(result.outcomes.filter((o) => o.status !== 'saved').map((o) => [o.email, o.status])).toEqual([['ph3@example.cz', 'failed']]);
    expect(result.inserted).toBe(209);
    expect(sandbox.state.imports().map((i) => i.statistics)).toEqual([{ uploaded: 210, invalid: 1, updated: 0, addedToList: 209 }]);
    expect(sandbox.state.contacts()).toHaveLength(209);
  });

  it('fails the rows of a rejected import with the reason, and writes one by one when GetResponse will not start one', async () => {
    sandbox.setImportConfig({ reject: true });
    const rejected = await saveContacts(sandboxDestination(sandbox), campaign, rows(200));
    expect(new Set(rejected.outcomes.map((o) => (o.status === 'failed' ? o.reason.replace(/import \w+/, 'import X') : o.status)))).toEqual(
      new Set(['GetResponse rejected import X (list-quality review): see GetResponse → Contacts → Import history']),
    );
    expect(sandbox.state.contacts()).toEqual([]);
    sandbox.state.reset();
    sandbox.setImportConfig({ reject: false, dailyLimit: 0 });
    const refused = await saveContacts(sandboxDestination(sandbox), campaign, rows(200));
    expect(refused.outcomes.filter((o) => o.status !== 'saved')).toEqual([]);
    expect([sandbox.state.imports().length, sandbox.state.contacts().length, refused.inserted]).toEqual([0, 200, 200]);
  });

  it('does not import with Replace Tags (an import cannot take tags away) or in add-only mode', async () => {
    await saveContacts(sandboxDestination(sandbox), campaign, rows(200), { tagHandling: 'replace' });
    await saveContacts(sandboxDestination(sandbox), campaign, rows(200, 500), { mode: 'add-only' });
    expect([sandbox.state.imports().length, sandbox.state.contacts().length]).toEqual([0, 400]);
  });
});

describe('what GetResponse does not keep, and the MAX domain', () => {
  it('answers orders and events as skipped with the reason, sending nothing', async () => {
    const destination = sandboxDestination(sandbox);
    const order = { transaction: { order_id: 'o1', email: 'a@example.cz' }, transaction_items: [] };
    expect(await destination.writeOrders([order, order], false)).toEqual([
      { status: 'skipped', reason: GETRESPONSE_ORDERS_NOT_KEPT },
      { status: 'skipped', reason: GETRESPONSE_ORDERS_NOT_KEPT },
    ]);
    expect(await destination.trackEvent({ email: 'a@example.cz', category: 'ellity' })).toEqual({ skipped: GETRESPONSE_EVENTS_NOT_KEPT });
    expect(sandbox.state.calls()).toEqual([]);
  });

  it('sends the bare domain as X-Domain to a MAX account, and refuses a domain without the MAX API address', async () => {
    const max = await startGetResponseSandbox({ enterpriseDomain: 'example.com', createDelayMs: 0 });
    try {
      const destination = sandboxDestination(max, { domain: 'https://www.example.com/' });
      await destination.client.getAccount();
      expect((await destination.client.listCampaigns()).map((c) => c.campaignId)).toEqual(max.campaignIds);
      expect(max.state.calls().map((c) => [c.path, c.domain, c.status])).toEqual([
        ['/accounts', 'example.com', 200],
        ['/campaigns', 'example.com', 200],
      ]);
    } finally {
      await max.close();
    }
    expect(() => createGetResponseDestination({ apiKey: 'k'.repeat(10), domain: 'example.com', ...createNodeRuntime() })).toThrow(/only for MAX \(Enterprise\) accounts/);
  });
});
