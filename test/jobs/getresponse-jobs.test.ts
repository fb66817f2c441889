import {
  GETRESPONSE_EVENTS_NOT_KEPT,
  GETRESPONSE_ORDERS_NOT_KEPT,
  NOT_IN_LIST_REASON,
  NO_CONSENT_REASON,
  REPEATED_DELIVERY_REASON,
  mapEllityCustomer,
  recordEllityEvents,
  saveContacts,
  syncGoOutPurchases,
  type SubscriberData,
} from '@ecomail-bridge/shared/node';
import { callLines, sandboxDestination } from '../getresponse/helpers';
import { startGetResponseSandbox, type GetResponseSandbox } from '../sandbox/getresponse';
import { ellity, purchase } from './fixtures';

let sandbox: GetResponseSandbox;
let campaign: string;

beforeAll(async () => {
  sandbox = await startGetResponseSandbox({ createDelayMs: 0 });
  campaign = sandbox.campaignIds[0];
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());


const view = (email: string) => {
  const contact = sandbox.state.contact(email);
  return contact && { name: contact.name, tags: contact.tags, fields: contact.fields };
};

describe('syncGoOutPurchases to GetResponse', () => {
  it('merges a buyer, writes the core\u2019s tags under GetResponse names, creates only consenting buyers and keeps no orders', async () => {
    const { outcomes, inserted } = await syncGoOutPurchases(
      sandboxDestination(sandbox),
      campaign,
      [purchase('p1', 'petr@example.cz', 'činohra', false), purchase('p2', 'petr@example.cz', 'hudba a tanec', true), purchase('p3', 'eva@example.cz', 'drama', false)],
      { mapping: { eventFields: true } },
    );
    expect(outcomes.map((o) => [o.contact.status, o.contact.duplicateOf, o.order])).toEqual([
      ['saved', undefined, { status: 'skipped', reason: GETRESPONSE_ORDERS_NOT_KEPT }],
      ['saved', 0, { status: 'skipped', reason: GETRESPONSE_ORDERS_NOT_KEPT }],
      ['skipped', undefined, undefined],
    ]);
    expect(outcomes[2].contact).toMatchObject({ reason: NO_CONSENT_REASON });
    expect(inserted).toBe(1);
    expect(sandbox.state.contacts().map((c) => c.email)).toEqual(['petr@example.cz']);
    expect(view('petr@example.cz')).toEqual({
      name: 'Petr Novák',
      tags: ['GoOut', 'GoOut_cs', 'cinohra', 'GoOut_newsletter', 'hudba_a_tanec'],
      fields: {
        vokativ: ['Petře'],
        vokativ_s: ['Nováku'],
        gender: ['male'],
        nameday: ['06-29'],
        country: ['CZ'],
        source: ['GoOut'],
        goout_last_event: ['Show hudba a tanec'],
        goout_last_event_start: ['2026-06-20 19:30'],
      },
    });
  });

  it('updates a buyer without consent who is in the list already, and never gives them GoOut_newsletter', async () => {
    const destination = sandboxDestination(sandbox);
    await saveContacts(destination, campaign, [{ email: 'eva@example.cz', name: 'Eva', tags: ['vip'] }]);
    const { outcomes } = await syncGoOutPurchases(destination, campaign, [purchase('p3', 'eva@example.cz', 'drama', false)], { createOrders: false });
    expect(outcomes.map((o) => [o.contact.status, o.order])).toEqual([['saved', undefined]]);
    expect(view('eva@example.cz')?.tags).toEqual(['vip', 'GoOut', 'GoOut_cs', 'drama']);
  });
});


describe('recordEllityEvents to GetResponse', () => {
  it('writes the ellity_* fields of members only, records the change as fields (no event is kept), skips strangers and repeats', async () => {
    const destination = sandboxDestination(sandbox);
    await saveContacts(destination, campaign, [{ email: 'member@example.cz', name: 'Member', custom_fields: { ellity_pin: '1234' } }]);
    const before = sandbox.state.calls().length;
    const outcomes = await recordEllityEvents(destination, campaign, [ellity('member@example.cz', '100'), ellity('stranger@example.cz', '50'), ellity('member@example.cz', '100')]);
    expect(outcomes.map((o) => [o.email, o.status, 'reason' in o ? o.reason : undefined, o.status === 'recorded' ? o.event : undefined])).toEqual([
      ['member@example.cz', 'recorded', undefined, { skipped: GETRESPONSE_EVENTS_NOT_KEPT }],
      ['stranger@example.cz', 'skipped', NOT_IN_LIST_REASON, undefined],
      ['member@example.cz', 'skipped', REPEATED_DELIVERY_REASON, undefined],
    ]);
    expect(sandbox.state.contacts().map((c) => c.email)).toEqual(['member@example.cz']);
    expect(view('member@example.cz')).toEqual({
      name: 'Member',
      tags: [],
      fields: {
        ellity_pin: ['1234'],
        ellity_credit: ['100'],
        ellity_credit_num: ['100'],
        ellity_last_change_date: [expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
        ellity_last_change_value: ['10'],
      },
    });
    expect(callLines(sandbox, before).filter((line) => !line.startsWith('GET'))).toEqual([
      'POST /custom-fields',
      'POST /custom-fields',
      'POST /custom-fields',
      'POST /custom-fields',
      'POST /contacts/:id/custom-fields',
    ]);
  });
});

describe('saveContacts with Ellity CSV rows to GetResponse', () => {
  it('creates the customers with their ellity_* fields (the user vouches for consent) and reports a bad row', async () => {
    const rows = [
      mapEllityCustomer({ email: 'Zak@Example.cz', ellity_credit: '120', ellity_pin: '4321', ellity_next_expiration_date: '31.12.2026', ellity_next_expiration_value: '20' }),
      mapEllityCustomer({ email: 'ota@example.cz', ellity_credit: '5' }),
    ].filter((row): row is SubscriberData => row !== null);
    const result = await saveContacts(sandboxDestination(sandbox), campaign, [...rows, { email: 'broken@' }]);
    expect(result.outcomes.map((o) => [o.email, o.status])).toEqual([
      ['zak@example.cz', 'saved'],
      ['ota@example.cz', 'saved'],
      ['broken@', 'rejected'],
    ]);
    expect(result.inserted).toBe(2);
    expect(view('zak@example.cz')).toEqual({
      name: null,
      tags: [],
      fields: {
        ellity_credit: ['120'],
        ellity_credit_num: ['120'],
        ellity_pin: ['4321'],
        ellity_next_expiration_date: ['2026-12-31'],
        ellity_next_expiration_value: ['20'],
        ellity_next_expiration_value_num: ['20'],
      },
    });
    expect(view('ota@example.cz')).toEqual({ name: null, tags: [], fields: { ellity_credit: ['5'], ellity_credit_num: ['5'] } });
  });
});
