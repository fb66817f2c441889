import { appTester, App, ecomailHarness } from './harness';

let h: Awaited<ReturnType<typeof ecomailHarness>>;
const LIST = '1';

beforeAll(async () => {
  h = await ecomailHarness();
});
afterAll(() => h.sandbox.close());
beforeEach(() => h.sandbox.state.reset());

const run = (key: string, inputData: Record<string, unknown>) => appTester(App.creates[key].operation.perform, { authData: h.authData, inputData });
const addContact = (email: string, extra: Record<string, unknown> = {}) => run('create_or_update_contact', { listId: LIST, email, ...extra });

describe('Add Tags to Contact / Remove Tags from Contact', () => {
  it('merge into and take out of the existing tag set', async () => {
    await addContact('petra@example.cz', { tags: ['GoOut'] });
    expect(await run('add_tags', { listId: LIST, email: 'petra@example.cz', tags: ['VIP', 'GoOut'] })).toEqual({
      id: 'petra@example.cz',
      email: 'petra@example.cz',
      tags: ['GoOut', 'VIP'],
    });
    expect(await run('remove_tags', { listId: LIST, email: 'petra@example.cz', tags: ['GoOut'] })).toMatchObject({ tags: ['VIP'] });
    expect(h.sandbox.state.contact('petra@example.cz')?.tags).toEqual(['VIP']);
  });

  it('says what to do when the contact does not exist', async () => {
    await expect(run('add_tags', { listId: LIST, email: 'ghost@example.cz', tags: ['x'] })).rejects.toMatchObject({
      name: 'AppError',
      message: expect.stringContaining('create or update the contact first'),
    });
  });
});

describe('Track Custom Event', () => {
  it('sends the event with a JSON value as data', async () => {
    await addContact('eva@example.cz');
    const result = await run('track_event', { email: 'eva@example.cz', category: 'ticket', action: 'purchase', label: 'Jazz', value: '{"tickets":2}' });
    expect(result).toMatchObject({ email: 'eva@example.cz', category: 'ticket', action: 'purchase', label: 'Jazz' });
    expect(h.sandbox.state.events()).toEqual([expect.objectContaining({ category: 'ticket', value: '{"tickets":2}' })]);
  });
});

describe('Create Order', () => {
  it('adds the buyer to the list, then records the order with its line items', async () => {
    const result = await run('create_order', {
      listId: LIST,
      email: 'Karel@Example.cz',
      orderId: 'GO-1',
      shop: 'goout-kulturak',
      amount: '780',
      orderedAt: '2026-06-14T18:00:00+02:00',
      items: [{ code: 'EVT-1', title: 'Jazz na Špilberku', categories: 'concert, jazz', price: '390', quantity: '2' }],
    });
    expect(result).toMatchObject({ order_id: 'GO-1', email: 'karel@example.cz', amount: 780, status: 'completed', ordered_at: '2026-06-14T16:00:00.000Z' });
    expect(h.sandbox.state.contact('karel@example.cz')?.lists['1']).toBeDefined();
    const [order] = h.sandbox.state.transactions();
    expect(order).toMatchObject({ order_id: 'GO-1', timestamp: Date.parse('2026-06-14T16:00:00Z') / 1000 });
    expect(order.items).toEqual([expect.objectContaining({ code: 'EVT-1', categories: ['concert', 'jazz'], price: 390, amount: 2 })]);
  });
});

describe('Trigger Automation', () => {
  it('offers automations in a dropdown and starts one for a contact', async () => {
    const choices = await appTester(App.triggers.automation.operation.perform, { authData: h.authData });
    expect(choices).toEqual(expect.arrayContaining([{ id: '2', name: 'After ticket purchase' }]));
    await addContact('jana@example.cz');
    const result = await run('trigger_automation', { automationId: '2', email: 'Jana@example.cz' });
    expect(result).toMatchObject({ id: '2:jana@example.cz', automation_id: 2, email: 'jana@example.cz' });
    expect(h.sandbox.state.pipelineTriggers()).toEqual([expect.objectContaining({ pipelineId: 2, email: 'jana@example.cz' })]);
  });
});

describe('Unsubscribe Contact', () => {
  it('sets the list status to unsubscribed', async () => {
    await addContact('leaving@example.cz');
    const result = await run('unsubscribe_contact', { listId: LIST, email: 'leaving@example.cz' });
    expect(result).toMatchObject({ email: 'leaving@example.cz', list_id: 1, status: 2 });
    expect(result.unsubscribed_at).toMatch(/Z$/);
    expect(h.sandbox.state.contact('leaving@example.cz')?.lists['1'].status).toBe(2);
  });
});

describe('Record Ellity Event', () => {
  it('writes ellity_* fields first, then the ellity/change event, for a list member', async () => {
    await addContact('jana@example.cz');
    const result = await run('record_ellity_event', {
      listId: LIST,
      importMode: 'update-only',
      type: 'credit_changed',
      email: ' Jana@Example.cz ',
      credit: '1 250',
      creditChange: '50',
      tierName: '#customer.tier.name#',
    });
    expect(result).toMatchObject({ type: 'credit_changed', email: 'jana@example.cz', credit: 1250, delta: 50, tier_name: null, event_label: 'credit' });
    expect(h.sandbox.state.contact('jana@example.cz')?.lists['1'].c_fields).toMatchObject({ ellity_credit: '1250', ellity_credit_num: 1250 });
    expect(h.sandbox.state.events()).toEqual([expect.objectContaining({ category: 'ellity', action: 'change', label: 'credit' })]);
    const calls = h.sandbox.state.calls().map((call) => `${call.method} ${call.path}`);
    expect(calls.indexOf('POST /tracker/events')).toBeGreaterThan(calls.indexOf('PUT /lists/1/update-subscriber'));
  });

  it('records a change Ellity delivered twice only once', async () => {
    await addContact('twice@example.cz');
    const delivery = { listId: LIST, type: 'credit_changed', email: 'twice@example.cz', credit: '300', creditChange: '20' };
    await run('record_ellity_event', delivery);
    await expect(run('record_ellity_event', delivery)).rejects.toMatchObject({ name: 'HaltedError' });
    expect(h.sandbox.state.events()).toHaveLength(1);
  });

  it('halts (does not fail) when Ellity sent no usable e-mail', async () => {
    await expect(run('record_ellity_event', { listId: LIST, type: 'credit_changed', email: '#customer.email#' })).rejects.toMatchObject({
      name: 'HaltedError',
    });
    expect(h.sandbox.state.calls()).toEqual([]);
  });
});

describe('Add GoOut Buyer', () => {
  it('applies the GoOut conventions and keeps the contact’s other tags', async () => {
    await addContact('petra.novakova@example.cz', { tags: ['VIP'] });
    const result = await run('add_goout_buyer', {
      listId: LIST,
      email: 'Petra.Novakova@example.cz',
      firstName: 'Petra',
      lastName: 'Nováková',
      country: 'cz',
      language: 'cs',
      newsletterConsent: 'true',
      purchaseId: '8812345',
      eventName: 'Jazz na Špilberku',
      eventCategory: 'concert',
      eventStart: '2026-06-20T19:30:00+02:00',
      eventFields: 'true',
    });
    expect(result).toMatchObject({ email: 'petra.novakova@example.cz', purchase_id: '8812345', newsletter_consent: true });
    const stored = h.sandbox.state.contact('petra.novakova@example.cz');
    expect(stored?.tags).toEqual(expect.arrayContaining(['VIP', 'GoOut', 'GoOut_cs', 'GoOut_newsletter']));
    expect(stored).toMatchObject({ source: 'GoOut', vokativ: 'Petro' });
    expect(stored?.lists['1'].c_fields).toMatchObject({ goout_last_event: 'Jazz na Špilberku', goout_last_event_start: '2026-06-20 19:30' });
  });

  it('leaves out the newsletter tag without consent', async () => {
    await run('add_goout_buyer', { listId: LIST, email: 'no.consent@example.cz', language: 'sk' });
    expect(h.sandbox.state.contact('no.consent@example.cz')?.tags).toEqual(['GoOut', 'GoOut_sk']);
  });
});
