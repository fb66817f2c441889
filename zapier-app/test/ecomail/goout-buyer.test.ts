import { DEFAULT_CREATE_ORDERS, DEFAULT_SUBSCRIBE_CHOICES, SUBSCRIBE_CHOICE_TEXT } from '@ecomail-bridge/shared';
import { purchaseSample } from '../../src/goout/purchase-record';
import { zapierWording } from '../../src/platform/wording';
import { addBuyerInput } from '../goout/record-to-buyer';
import { App, sandboxPerFile } from './harness';

const { h: harness, run } = sandboxPerFile();
const LIST = '1';
const addBuyer = (inputData: Record<string, unknown>) => run('add_goout_buyer', { listId: LIST, ...inputData });
const tagsOf = (email: string) => harness().sandbox.state.contact(email)?.tags;
const hamlet = { ticketId: '55001', price: '390', eventId: '2741', eventName: 'Hamlet', eventCategories: 'drama', eventStart: '2026-06-20T19:30:00+02:00', scheduleId: '90412' };

describe('Add GoOut Buyer', () => {
  it('adds the event-category tag of the tickets', async () => {
    await addBuyer({ email: 'divak@example.cz', language: 'cs', purchaseId: '8812345', tickets: [hamlet] });
    expect(tagsOf('divak@example.cz')).toEqual(['GoOut', 'GoOut_cs', 'drama']);
  });

  it('stores exactly the tags of the GoOut trigger’s record when its fields are mapped 1:1', async () => {
    const record = purchaseSample;
    await addBuyer(addBuyerInput(record));
    expect(tagsOf(record.email)).toEqual(record.tags);
    const [order] = harness().sandbox.state.transactions();
    expect(harness().sandbox.state.transactions()).toHaveLength(1);
    expect(order).toMatchObject({ order_id: record.id, email: record.email, amount: record.total });
    // The core sends tickets of one deal as one item with a quantity.
    expect(order.items).toEqual([{ code: '90412', title: 'Jazz na Špilberku — Standard', categories: ['concert', 'koncert'], price: 390, amount: 2, tags: ['GoOut'] }]);
  });

  it('keeps the contact’s other tags, reading the contact once', async () => {
    await run('create_or_update_contact', { listId: LIST, email: 'petra.novakova@example.cz', tags: ['VIP'] });
    const before = harness().sandbox.state.calls().length;
    const result = await addBuyer({
      email: 'Petra.Novakova@example.cz',
      firstName: 'Petra',
      lastName: 'Nováková',
      country: 'cz',
      language: 'cs',
      newsletterConsent: 'true',
      purchaseId: '8812345',
      tickets: [hamlet],
      eventFields: 'true',
    });
    expect(result).toMatchObject({ email: 'petra.novakova@example.cz', purchase_id: '8812345', newsletter_consent: true, order_sent: true });
    const stored = harness().sandbox.state.contact('petra.novakova@example.cz');
    expect(stored?.tags).toEqual(['VIP', 'GoOut', 'GoOut_cs', 'GoOut_newsletter', 'drama']);
    expect(stored).toMatchObject({ source: 'GoOut', vokativ: 'Petro' });
    expect(stored?.lists['1'].c_fields).toEqual({ goout_last_event: 'Hamlet', goout_last_event_start: '2026-06-20 19:30' });
    const reads = harness().sandbox.state.calls().slice(before).filter((call) => call.method === 'GET' && call.path.startsWith('/subscribers/'));
    expect(reads).toHaveLength(1);
  });

  it('replaces the tags when Tag Handling says so', async () => {
    await run('create_or_update_contact', { listId: LIST, email: 'eva@example.cz', tags: ['VIP'] });
    await addBuyer({ email: 'eva@example.cz', language: 'sk', tagHandling: 'replace', tickets: [hamlet] });
    expect(tagsOf('eva@example.cz')).toEqual(['GoOut', 'GoOut_sk', 'drama']);
  });

  it('leaves out the newsletter tag without consent, and the order when not wanted', async () => {
    const result = await addBuyer({ email: 'no.consent@example.cz', language: 'sk', createOrder: 'false', tickets: [hamlet] });
    expect(tagsOf('no.consent@example.cz')).toEqual(['GoOut', 'GoOut_sk', 'drama']);
    expect(result.order_sent).toBe(false);
    expect(harness().sandbox.state.transactions()).toEqual([]);
  });

  it('resubscribes an unsubscribed buyer only with Resubscribe on and consent in this purchase', async () => {
    const email = 'back@example.cz';
    await run('create_or_update_contact', { listId: LIST, email });
    await run('unsubscribe_contact', { listId: LIST, email });
    await addBuyer({ email, resubscribe: 'true', newsletterConsent: 'false', tickets: [hamlet] });
    expect(harness().sandbox.state.contact(email)?.lists['1'].status).toBe(2);
    await addBuyer({ email, resubscribe: 'true', newsletterConsent: 'true', tickets: [hamlet] });
    expect(harness().sandbox.state.contact(email)?.lists['1'].status).toBe(1);
  });

  it('offers the core’s choices with the core’s labels and defaults', () => {
    const fields = App.creates.add_goout_buyer.operation.inputFields as Array<{ key: string; label?: string; default?: string; children?: Array<{ key: string }> }>;
    const byKey = new Map(fields.map((field) => [field.key, field]));
    for (const name of ['resubscribe', 'triggerAutomations'] as const) {
      expect(byKey.get(name)).toMatchObject({ label: zapierWording(SUBSCRIBE_CHOICE_TEXT[name].label), default: String(DEFAULT_SUBSCRIBE_CHOICES[name]) });
    }
    expect(byKey.get('createOrder')).toMatchObject({ label: 'Also Create Order', default: String(DEFAULT_CREATE_ORDERS) });
    expect(byKey.get('personalization')).toMatchObject({ label: 'Vocative and Name Day', default: 'true' });
    expect(byKey.get('tickets')?.children?.map((child) => child.key)).toEqual([
      'ticketId',
      'dealName',
      'price',
      'currency',
      'eventId',
      'eventName',
      'eventMainCategory',
      'eventCategories',
      'eventStart',
      'scheduleId',
    ]);
    expect(byKey.has('goOutTags')).toBe(false);
  });
});
