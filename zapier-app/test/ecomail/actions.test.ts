import { DEFAULT_SUBSCRIBE_CHOICES } from '@ecomail-bridge/shared';
import { startReplyProxy } from '../reply-proxy';
import { appTester, App, sandboxPerFile } from './harness';

const { h: harness, run } = sandboxPerFile();
const LIST = '1';
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
    expect(harness().sandbox.state.contact('petra@example.cz')?.tags).toEqual(['VIP']);
  });

  it('says what to do when the contact does not exist', async () => {
    await expect(run('add_tags', { listId: LIST, email: 'ghost@example.cz', tags: ['x'] })).rejects.toMatchObject({
      name: 'AppError',
      message: expect.stringContaining('create or update the contact first'),
    });
  });
});

describe('Track Custom Event', () => {
  it('keeps a number-looking value as the text it is', async () => {
    await addContact('num@example.cz');
    const before = harness().sandbox.state.calls().length;
    await run('track_event', { email: 'num@example.cz', category: 'ticket', action: 'purchase', value: '123' });
    const [call] = harness().sandbox.state.calls().slice(before);
    expect(call.body).toEqual({ event: { email: 'num@example.cz', category: 'ticket', action: 'purchase', value: '123' } });
  });

  it('sends the event with a JSON value as data', async () => {
    await addContact('eva@example.cz');
    const result = await run('track_event', { email: 'eva@example.cz', category: 'ticket', action: 'purchase', label: 'Jazz', value: '{"tickets":2}' });
    expect(result).toMatchObject({ email: 'eva@example.cz', category: 'ticket', action: 'purchase', label: 'Jazz' });
    expect(harness().sandbox.state.events()).toEqual([expect.objectContaining({ category: 'ticket', value: '{"tickets":2}' })]);
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
    expect(harness().sandbox.state.contact('karel@example.cz')?.lists['1']).toBeDefined();
    const [order] = harness().sandbox.state.transactions();
    expect(order).toMatchObject({ order_id: 'GO-1', timestamp: Date.parse('2026-06-14T16:00:00Z') / 1000 });
    expect(order.items).toEqual([expect.objectContaining({ code: 'EVT-1', categories: ['concert', 'jazz'], price: 390, amount: 2 })]);
  });
});

describe('Trigger Automation', () => {
  it('offers automations in a dropdown and starts one for a contact', async () => {
    const choices = await appTester(App.triggers.automation.operation.perform, { authData: harness().authData });
    expect(choices).toEqual(expect.arrayContaining([{ id: '2', name: 'After ticket purchase' }]));
    await addContact('jana@example.cz');
    const result = await run('trigger_automation', { automationId: '2', email: 'Jana@example.cz' });
    expect(result).toMatchObject({ id: '2:jana@example.cz', automation_id: 2, email: 'jana@example.cz' });
    expect(harness().sandbox.state.pipelineTriggers()).toEqual([expect.objectContaining({ pipelineId: 2, email: 'jana@example.cz' })]);
  });
});

describe('Create Order: consent decided by the core', () => {
  it('subscribes the buyer with the core’s default choices', async () => {
    await run('create_order', { listId: LIST, email: 'order@example.cz', orderId: 'GO-7' });
    const [subscribe] = harness().sandbox.state.calls().filter((call) => call.path === '/lists/1/subscribe');
    expect(subscribe.body).toEqual({
      subscriber_data: { email: 'order@example.cz' },
      update_existing: true,
      resubscribe: DEFAULT_SUBSCRIBE_CHOICES.resubscribe,
      skip_confirmation: !DEFAULT_SUBSCRIBE_CHOICES.doubleOptIn,
      trigger_autoresponders: DEFAULT_SUBSCRIBE_CHOICES.triggerAutomations,
      trigger_notification: DEFAULT_SUBSCRIBE_CHOICES.triggerNotification,
    });
  });
});

describe('output ids', () => {
  /** Every output field declared integer holds an integer or null in the real result (issue 13 point 7). */
  function integersAsDeclared(key: string, result: Record<string, unknown>): void {
    const declared = (App.creates[key].operation.outputFields as Array<{ key: string; type?: string }>).filter((field) => field.type === 'integer');
    expect(declared.length).toBeGreaterThan(0);
    for (const field of declared) {
      const value = result[field.key];
      expect([field.key, value === null || Number.isInteger(value)]).toEqual([field.key, true]);
    }
  }

  /** Replies without an `id` (the sandbox always sends one; Ecomail's replies are not documented to). */
  const withoutIds = (_method: string, _path: string, body: unknown): unknown => {
    if (!body || typeof body !== 'object') return body;
    const { id: _id, ...rest } = body as Record<string, unknown>;
    const subscriber = (rest as { subscriber?: Record<string, unknown> }).subscriber;
    if (subscriber && typeof subscriber === 'object') {
      const { id: _inner, ...kept } = subscriber;
      return { ...rest, subscriber: kept };
    }
    return rest;
  };

  it('are integers where Ecomail sends them, null where it sends none — never the e-mail or order id', async () => {
    const contact = await addContact('ids@example.cz');
    integersAsDeclared('create_or_update_contact', contact);
    expect(Number.isInteger(contact.id)).toBe(true);
    const proxy = await startReplyProxy(harness().sandbox.url, withoutIds);
    try {
      const via = (key: string, inputData: Record<string, unknown>) =>
        appTester(App.creates[key].operation.perform, { authData: { ...harness().authData, baseUrl: proxy.url }, inputData });
      const results: Record<string, Record<string, unknown>> = {
        create_or_update_contact: await via('create_or_update_contact', { listId: LIST, email: 'ids@example.cz' }),
        create_order: await via('create_order', { listId: LIST, email: 'ids@example.cz', orderId: 'GO-9' }),
        track_event: await via('track_event', { email: 'ids@example.cz', category: 'x', action: 'y' }),
        unsubscribe_contact: await via('unsubscribe_contact', { listId: LIST, email: 'ids@example.cz' }),
        add_goout_buyer: await via('add_goout_buyer', { listId: LIST, email: 'ids2@example.cz' }),
      };
      for (const [key, result] of Object.entries(results)) {
        integersAsDeclared(key, result);
        expect([key, result.id]).toEqual([key, null]);
      }
    } finally {
      await proxy.close();
    }
  });
});

describe('Unsubscribe Contact', () => {
  it('sets the list status to unsubscribed', async () => {
    await addContact('leaving@example.cz');
    const result = await run('unsubscribe_contact', { listId: LIST, email: 'leaving@example.cz' });
    expect(result).toMatchObject({ email: 'leaving@example.cz', list_id: 1, status: 2 });
    expect(result.unsubscribed_at).toMatch(/Z$/);
    expect(harness().sandbox.state.contact('leaving@example.cz')?.lists['1'].status).toBe(2);
  });
});

describe('Record Ellity Event', () => {
  it('writes ellity_* fields first, then the ellity/change event, for a list member', async () => {
    await addContact('jana@example.cz');
    const result = await run('record_ellity_event', {
      listId: LIST,
      type: 'credit_changed',
      email: ' Jana@Example.cz ',
      credit: '1 250',
      creditChange: '50',
      tierName: '#customer.tier.name#',
    });
    expect(result).toMatchObject({ type: 'credit_changed', email: 'jana@example.cz', credit: 1250, delta: 50, tier_name: null, event_label: 'credit' });
    expect(harness().sandbox.state.contact('jana@example.cz')?.lists['1'].c_fields).toMatchObject({ ellity_credit: '1250', ellity_credit_num: 1250 });
    expect(harness().sandbox.state.events()).toEqual([expect.objectContaining({ category: 'ellity', action: 'change', label: 'credit' })]);
    const calls = harness().sandbox.state.calls().map((call) => `${call.method} ${call.path}`);
    expect(calls.filter((call) => !call.startsWith('GET '))).toEqual(['POST /lists/1/subscribe', 'PUT /lists/1/update-subscriber', 'POST /tracker/events']);
  });

  it('never subscribes a customer who is not in the list, whatever an old Zap still sends as import mode', async () => {
    await expect(
      run('record_ellity_event', { listId: LIST, importMode: 'add-and-update', type: 'credit_changed', email: 'stranger@example.cz', credit: '10' }),
    ).rejects.toMatchObject({ name: 'HaltedError' });
    expect(harness().sandbox.state.contacts()).toEqual([]);
    expect(harness().sandbox.state.events()).toEqual([]);
    const keys = (App.creates.record_ellity_event.operation.inputFields as Array<{ key: string }>).map((field) => field.key);
    expect(keys).not.toContain('importMode');
  });

  it('records a change Ellity delivered twice only once', async () => {
    await addContact('twice@example.cz');
    const delivery = { listId: LIST, type: 'credit_changed', email: 'twice@example.cz', credit: '300', creditChange: '20' };
    await run('record_ellity_event', delivery);
    await expect(run('record_ellity_event', delivery)).rejects.toMatchObject({ name: 'HaltedError' });
    expect(harness().sandbox.state.events()).toHaveLength(1);
  });

  it('halts (does not fail) when Ellity sent no usable e-mail', async () => {
    await expect(run('record_ellity_event', { listId: LIST, type: 'credit_changed', email: '#customer.email#' })).rejects.toMatchObject({
      name: 'HaltedError',
    });
    expect(harness().sandbox.state.calls()).toEqual([]);
  });
});
