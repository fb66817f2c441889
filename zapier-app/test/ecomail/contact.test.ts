import { DEFAULT_SUBSCRIBE_CHOICES, DEFAULT_TAG_HANDLING, SUBSCRIBE_CHOICE_TEXT, TAG_HANDLING_TEXT } from '@ecomail-bridge/shared';
import { zapierWording } from '../../src/platform/wording';
import { appTester, App, ecomailHarness } from './harness';

type Harness = Awaited<ReturnType<typeof ecomailHarness>>;
let h: Harness;
const LIST = '1';

beforeAll(async () => {
  h = await ecomailHarness({
    lists: [{ id: 1, name: 'Newsletter', customFields: { goout_last_event: { type: 'string', name: 'Last GoOut event' }, points: { type: 'int', name: 'Points' } } }],
  });
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.sandbox.state.reset());

describe('authentication', () => {
  it('tests the key with GET /lists and labels the connection', async () => {
    const result = await appTester(App.authentication.test, { authData: h.authData });
    expect(result).toEqual({ account: expect.any(String), lists: 1 });
    expect(h.sandbox.state.calls().map((call) => `${call.method} ${call.path}`)).toEqual(['GET /lists']);
  });

  it('asks the user to reconnect when the key is refused', async () => {
    await expect(appTester(App.authentication.test, { authData: { ...h.authData, apiKey: 'wrong' } })).rejects.toMatchObject({
      name: 'ExpiredAuthError',
      message: expect.stringContaining('For developers'),
    });
  });
});

it('refuses a plain-http API base URL (the key would travel readable)', async () => {
  const error = await appTester(App.authentication.test, { authData: { ...h.authData, baseUrl: 'http://api2.ecomailapp.com' } }).catch((caught: Error) => caught);
  expect(error.name).toBe('AppError');
  expect(JSON.parse(error.message)).toEqual({
    message: 'The Ecomail API Base URL must start with https:// (it is "http://api2.ecomailapp.com"): over plain http the credentials would travel unencrypted. Edit the connection.',
    code: 'InvalidInput',
    status: 400,
  });
});

describe('Create or Update Contact', () => {
  const perform = App.creates.create_or_update_contact.operation.perform;

  it('loads the list custom fields as input fields', async () => {
    const fields = App.creates.create_or_update_contact.operation.inputFields;
    const loader = fields.find((field: unknown) => typeof field === 'function') as (z: never, bundle: never) => unknown;
    const loaded = await appTester(loader as never, { authData: h.authData, inputData: { listId: LIST } });
    expect(loaded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'custom__goout_last_event', label: 'Last GoOut event', type: 'string' }),
        expect.objectContaining({ key: 'custom__points', label: 'Points', type: 'number' }),
      ]),
    );
  });

  it('creates a contact with names, address, consent, tags and custom fields', async () => {
    const result = await appTester(perform, {
      authData: h.authData,
      inputData: {
        listId: LIST,
        email: ' Petra.Novakova@Example.cz ',
        importMode: 'add-and-update',
        name: 'Petra',
        surname: 'Nováková',
        city: 'Brno',
        country: 'cz',
        consent: 'true',
        tags: ['GoOut', 'VIP'],
        custom__goout_last_event: 'Jazz na Špilberku',
        custom__points: 40,
        customFields: { favourite_genre: 'jazz' },
      },
    });
    expect(result).toMatchObject({
      email: 'petra.novakova@example.cz',
      list_id: 1,
      name: 'Petra',
      surname: 'Nováková',
      status: 1,
      status_name: 'subscribed',
      tags: ['GoOut', 'VIP'],
      already_subscribed: false,
      import_mode: 'add-and-update',
    });
    expect(result.subscribed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const stored = h.sandbox.state.contact('petra.novakova@example.cz');
    expect(stored).toMatchObject({ city: 'Brno', country: 'CZ' });
    expect(stored?.lists['1'].c_fields).toMatchObject({ goout_last_event: 'Jazz na Špilberku', points: 40, favourite_genre: 'jazz' });
  });

  it('"Add only new" leaves an existing contact as it was', async () => {
    const base = { listId: LIST, email: 'jan@example.cz' };
    await appTester(perform, { authData: h.authData, inputData: { ...base, name: 'Jan', importMode: 'add-and-update' } });
    const result = await appTester(perform, { authData: h.authData, inputData: { ...base, name: 'Honza', importMode: 'add-only' } });
    expect(result).toMatchObject({ name: 'Jan', already_subscribed: true, import_mode: 'add-only' });
  });

  it('"Only update existing" skips unknown e-mails with a HaltedError and updates members', async () => {
    await expect(
      appTester(perform, { authData: h.authData, inputData: { listId: LIST, email: 'nobody@example.cz', importMode: 'update-only' } }),
    ).rejects.toMatchObject({ name: 'HaltedError' });
    expect(h.sandbox.state.contact('nobody@example.cz')).toBeUndefined();

    await appTester(perform, { authData: h.authData, inputData: { listId: LIST, email: 'eva@example.cz', name: 'Eva' } });
    const result = await appTester(perform, {
      authData: h.authData,
      inputData: { listId: LIST, email: 'eva@example.cz', surname: 'Svobodová', importMode: 'update-only' },
    });
    expect(result).toMatchObject({ name: 'Eva', surname: 'Svobodová', import_mode: 'update-only' });
  });

  it('stores a contact without consent as unsubscribed', async () => {
    const result = await appTester(perform, { authData: h.authData, inputData: { listId: LIST, email: 'no@example.cz', consent: 'false' } });
    expect(result).toMatchObject({ status: 2, status_name: 'unsubscribed' });
  });

  it('shows Ecomail’s own message for a refused contact and sends nothing for a bad e-mail', async () => {
    await expect(appTester(perform, { authData: h.authData, inputData: { listId: LIST, email: 'not-an-email' } })).rejects.toMatchObject({
      name: 'AppError',
      message: expect.stringContaining('not a valid email'),
    });
    expect(h.sandbox.state.calls()).toEqual([]);
    const unknownList = appTester(perform, { authData: h.authData, inputData: { listId: '999', email: 'a@example.cz' } });
    await expect(unknownList).rejects.toMatchObject({ name: 'AppError', message: expect.stringContaining('404') });
  });

  it('turns a 429 into ThrottledError so Zapier reschedules', async () => {
    h.sandbox.setRateLimit({ requests: 1, windowMs: 60_000 });
    try {
      await appTester(App.authentication.test, { authData: h.authData });
      await expect(appTester(perform, { authData: h.authData, inputData: { listId: LIST, email: 'busy@example.cz' } })).rejects.toMatchObject({
        name: 'ThrottledError',
      });
    } finally {
      h.sandbox.setRateLimit({ requests: 100_000, windowMs: 60_000 });
    }
  });
});

describe('Create or Update Contact: clean-up, tag handling, choices', () => {
  const perform = App.creates.create_or_update_contact.operation.perform;
  const save = (inputData: Record<string, unknown>) => appTester(perform, { authData: h.authData, inputData: { listId: LIST, ...inputData } });
  const fields = () => new Map((App.creates.create_or_update_contact.operation.inputFields as Array<{ key?: string }>).filter((f) => f.key).map((f) => [f.key, f as Record<string, unknown>]));

  it('cleans up a typed name and fills vocative, gender and name day like a GoOut buyer', async () => {
    await save({ email: 'petr@example.cz', name: 'ING. PETR', surname: 'NOVÁK' });
    expect(h.sandbox.state.contact('petr@example.cz')).toMatchObject({
      name: 'Petr',
      surname: 'Novák',
      pretitle: 'Ing.',
      vokativ: 'Petře',
      vokativ_s: 'Nováku',
      gender: 'male',
      nameday: '06-29',
    });
  });

  it('cleans up the name but leaves personalisation out when turned off', async () => {
    await save({ email: 'petr2@example.cz', name: 'ING. PETR', surname: 'NOVÁK', personalization: 'false' });
    expect(h.sandbox.state.contact('petr2@example.cz')).toMatchObject({ name: 'Petr', surname: 'Novák', pretitle: 'Ing.', vokativ: null, gender: null, nameday: null });
  });

  it('adds tags to the existing ones by default and replaces them when asked', async () => {
    await save({ email: 'tags@example.cz', tags: ['VIP'] });
    await save({ email: 'tags@example.cz', tags: ['GoOut'] });
    expect(h.sandbox.state.contact('tags@example.cz')?.tags).toEqual(['VIP', 'GoOut']);
    await save({ email: 'tags@example.cz', tags: ['Zapier'], tagHandling: 'replace' });
    expect(h.sandbox.state.contact('tags@example.cz')?.tags).toEqual(['Zapier']);
  });

  it('offers tag handling and the subscribe choices with the core’s wording and defaults', () => {
    const byKey = fields();
    expect(byKey.get('tagHandling')).toMatchObject({
      default: DEFAULT_TAG_HANDLING,
      choices: [
        { value: 'add', label: zapierWording(TAG_HANDLING_TEXT.add.label), sample: 'add' },
        { value: 'replace', label: zapierWording(TAG_HANDLING_TEXT.replace.label), sample: 'replace' },
      ],
    });
    for (const name of ['doubleOptIn', 'resubscribe', 'triggerAutomations', 'triggerNotification'] as const) {
      expect(byKey.get(name)).toMatchObject({
        label: zapierWording(SUBSCRIBE_CHOICE_TEXT[name].label),
        helpText: zapierWording(SUBSCRIBE_CHOICE_TEXT[name].description),
        default: String(DEFAULT_SUBSCRIBE_CHOICES[name]),
      });
    }
    // The old help text promised a replacement while the contact's tags were merged.
    expect(byKey.get('tags')?.helpText).not.toMatch(/^Replaces/);
  });

  it('sends the subscribe flags the user chose, nothing else', async () => {
    const before = h.sandbox.state.calls().length;
    await save({ email: 'flags@example.cz', triggerAutomations: 'true', triggerNotification: 'true' });
    const [subscribe] = h.sandbox.state.calls().slice(before).filter((call) => call.path === '/lists/1/subscribe');
    expect(subscribe.body).toMatchObject({ resubscribe: false, skip_confirmation: true, trigger_autoresponders: true, trigger_notification: true });
  });
});

describe('Find Contact (+ search-or-create)', () => {
  const perform = App.searches.find_contact.operation.perform;

  it('finds a list member and returns [] for an unknown e-mail', async () => {
    await appTester(App.creates.create_or_update_contact.operation.perform, {
      authData: h.authData,
      inputData: { listId: LIST, email: 'karel@example.cz', name: 'Karel', tags: ['a'] },
    });
    const found = await appTester(perform, { authData: h.authData, inputData: { listId: LIST, email: 'KAREL@example.cz' } });
    expect(found).toEqual([expect.objectContaining({ email: 'karel@example.cz', name: 'Karel', list_id: 1, tags: ['a'] })]);
    const missing = await appTester(perform, { authData: h.authData, inputData: { listId: LIST, email: 'ghost@example.cz' } });
    expect(missing).toEqual([]);
  });

  it('is wired to Create or Update Contact for search-or-create', () => {
    expect(App.searchOrCreates.find_contact).toMatchObject({ search: 'find_contact', create: 'create_or_update_contact' });
    const sampleKeys = Object.keys(App.searches.find_contact.operation.sample ?? {});
    const createSampleKeys = Object.keys(App.creates.create_or_update_contact.operation.sample ?? {});
    expect(createSampleKeys).toEqual(expect.arrayContaining(sampleKeys));
  });
});
