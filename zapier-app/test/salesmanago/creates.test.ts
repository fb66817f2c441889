import { DEFAULT_CREATE_ORDERS, DEFAULT_SUBSCRIBE_CHOICES, IMPORT_MODES, SALESMANAGO_NOT_FOUND_REASON, SUBSCRIBE_CHOICE_TEXT } from '@ecomail-bridge/shared';
import { purchaseSample } from '../../src/goout/purchase-record';
import { zapierWording } from '../../src/platform/wording';
import { failureText } from '../app-tester';
import { addBuyerInput } from '../goout/record-to-buyer';
import { App, salesManagoPerFile } from './harness';

const { h, run } = salesManagoPerFile();

/** What the sandbox holds of a contact, without its generated id and times. */
function stored(email: string) {
  const contact = h().sandbox.state.contact(email);
  return contact && { name: contact.name, phone: contact.phone, company: contact.company, address: contact.address, birthday: contact.birthday, tags: contact.tags, consent: contact.emailConsent, properties: contact.properties };
}
const paths = (from = 0) => h().sandbox.state.calls().slice(from).map((call) => call.path);
const events = () => h().sandbox.state.events().map((e) => ({ email: e.email, type: e.contactExtEventType, externalId: e.externalId, value: e.value, products: e.products, location: e.location, details: e.details, description: e.description, updates: e.updates }));
const keysOf = (key: string) => (App.creates[key].operation.inputFields as Array<{ key: string }>).map((field) => field.key);

const JANA = {
  email: ' Jana.Novakova@Example.cz ',
  name: 'jana',
  surname: 'NOVÁKOVÁ',
  company: 'Divadlo s.r.o.',
  phone: '+420601234567',
  street: 'Dlouhá 5',
  city: 'Praha',
  zip: '11000',
  country: 'cz',
  birthday: '1990-01-31',
  source: 'Zapier',
  tags: ['Zapier', 'vip klient'],
  customFields: { shoe_size: '38' },
};

describe('Create or Update Contact', () => {
  it('creates the contact with the core’s clean-up, address, properties, upper-case tags and opt-in', async () => {
    const result = await run('create_or_update_contact', JANA);
    expect(result).toEqual({ email: 'jana.novakova@example.cz', already_existed: false, import_mode: null, tags: ['ZAPIER', 'VIP_KLIENT'] });
    expect(stored('jana.novakova@example.cz')).toEqual({
      name: 'Jana Nováková',
      phone: '+420601234567',
      company: 'Divadlo s.r.o.',
      address: { streetAddress: 'Dlouhá 5', zipCode: '11000', city: 'Praha', country: 'CZ' },
      birthday: '19900131',
      tags: ['ZAPIER', 'VIP_KLIENT'],
      consent: 'opted-in',
      properties: { vokativ: 'Jano', vokativ_s: 'Nováková', gender: 'female', nameday: '05-24', source: 'Zapier', shoe_size: '38' },
    });
    expect(paths()).toEqual(['/api/contact/list', '/api/contact/batchupsertv2']);
  });

  it('updates an existing contact: its other tags stay, Newsletter Consent No leaves its consent alone', async () => {
    await run('create_or_update_contact', { email: 'eva@example.cz', tags: ['vip'], consent: 'false' });
    const result = await run('create_or_update_contact', { email: 'eva@example.cz', name: 'Eva', tags: ['divadlo'], consent: 'false', importMode: 'add-and-update' });
    expect(result).toEqual({ email: 'eva@example.cz', already_existed: true, import_mode: 'add-and-update', tags: ['DIVADLO'] });
    expect(stored('eva@example.cz')).toMatchObject({ name: 'Eva', tags: ['VIP', 'DIVADLO'], consent: 'none' });
  });

  it('opts a contact who opted out in again only with Resubscribe', async () => {
    await run('create_or_update_contact', { email: 'petr@example.cz' });
    h().sandbox.optOut('petr@example.cz');
    await run('create_or_update_contact', { email: 'petr@example.cz', tags: ['a'] });
    expect(stored('petr@example.cz')).toMatchObject({ tags: ['A'], consent: 'opted-out' });
    await run('create_or_update_contact', { email: 'petr@example.cz', resubscribe: 'true' });
    expect(stored('petr@example.cz')?.consent).toBe('opted-in');
  });

  it('follows the import modes: add only leaves an existing contact as it is, only update skips a stranger with a halt', async () => {
    await run('create_or_update_contact', { email: 'eva@example.cz', name: 'Eva' });
    const added = await run('create_or_update_contact', { email: 'eva@example.cz', name: 'Jiná', importMode: 'add-only' });
    expect(added).toEqual({ email: 'eva@example.cz', already_existed: true, import_mode: 'add-only', tags: [] });
    expect(stored('eva@example.cz')?.name).toBe('Eva');
    expect(await failureText(run('create_or_update_contact', { email: 'nobody@example.cz', importMode: 'update-only' }))).toEqual([
      'HaltedError',
      `nobody@example.cz was not saved: ${SALESMANAGO_NOT_FOUND_REASON}.`,
    ]);
    expect(h().sandbox.state.contacts().map((contact) => contact.email)).toEqual(['eva@example.cz']);
  });

  it('refuses a contact SALESmanago could not take before sending anything', async () => {
    expect(await failureText(run('create_or_update_contact', { email: 'jana@example.cz', birthday: '31. 1. 1990' }))).toEqual([
      'AppError',
      'InvalidInput',
      'birthday "31. 1. 1990" is not a date as YYYY-MM-DD',
    ]);
    expect(paths()).toEqual([]);
  });

  it('offers the choices SALESmanago can honour, with the core’s labels and defaults', () => {
    expect(keysOf('create_or_update_contact')).toEqual([
      'email',
      'importMode',
      'name',
      'surname',
      'company',
      'phone',
      'street',
      'city',
      'zip',
      'country',
      'gender',
      'birthday',
      'source',
      'consent',
      'tags',
      'personalization',
      'resubscribe',
      'customFields',
    ]);
    const fields = new Map((App.creates.create_or_update_contact.operation.inputFields as Array<{ key: string }>).map((field) => [field.key, field]));
    expect(fields.get('importMode')).toMatchObject({ default: IMPORT_MODES[0].value, choices: IMPORT_MODES.map((mode) => ({ value: mode.value, label: zapierWording(mode.label), sample: mode.value })) });
    expect(fields.get('resubscribe')).toMatchObject({ label: zapierWording(SUBSCRIBE_CHOICE_TEXT.resubscribe.label), default: String(DEFAULT_SUBSCRIBE_CHOICES.resubscribe) });
  });
});

describe('Add GoOut Buyer', () => {
  it('saves the buyer of the GoOut trigger’s record mapped 1:1, then the purchase as a PURCHASE event', async () => {
    const result = await run('add_goout_buyer', addBuyerInput(purchaseSample));
    expect(result).toEqual({ email: purchaseSample.email, already_existed: false, import_mode: null, purchase_id: '8812345', newsletter_consent: true, event_sent: true });
    expect(stored(purchaseSample.email)).toEqual({
      name: 'Petra Nováková',
      phone: null,
      company: null,
      address: { country: 'CZ' },
      birthday: null,
      tags: ['GOOUT', 'GOOUT_CS', 'GOOUT_NEWSLETTER', 'KONCERT'],
      consent: 'opted-in',
      properties: { vokativ: 'Petro', vokativ_s: 'Nováková', gender: 'female', nameday: '08-17', source: 'GoOut' },
    });
    expect(events()).toEqual([
      {
        email: purchaseSample.email,
        type: 'PURCHASE',
        externalId: '8812345',
        value: 780,
        products: '90412',
        location: null,
        details: { detail1: 'Jazz na Špilberku — Standard', detail2: '2026-06-14T16:02:11.000Z', detail3: 'concert,koncert' },
        description: null,
        updates: 0,
      },
    ]);
    expect(paths()).toEqual(['/api/contact/list', '/api/contact/batchupsertv2', '/api/contact/batchAddContactExtEvent']);
  });

  it('records a refunded purchase as a CANCELLATION, and a buyer without consent stays without opt-in and the newsletter tag', async () => {
    await run('add_goout_buyer', { ...addBuyerInput(purchaseSample), newsletterConsent: 'false', status: 'refunded', shop: 'goout' });
    expect(stored(purchaseSample.email)).toMatchObject({ tags: ['GOOUT', 'GOOUT_CS', 'KONCERT'], consent: 'none' });
    expect(events().map((event) => [event.type, event.externalId, event.location])).toEqual([['CANCELLATION', '8812345', 'goout']]);
  });

  it('sends no event when Also Send Purchase Event is off', async () => {
    const result = await run('add_goout_buyer', { ...addBuyerInput(purchaseSample), createOrder: 'false' });
    expect(result.event_sent).toBe(false);
    expect(events()).toEqual([]);
    expect(paths()).toEqual(['/api/contact/list', '/api/contact/batchupsertv2']);
  });

  it('offers the core’s GoOut choices that SALESmanago can honour', () => {
    expect(keysOf('add_goout_buyer')).toEqual([
      'importMode',
      'email',
      'firstName',
      'lastName',
      'country',
      'language',
      'newsletterConsent',
      'purchaseId',
      'purchasedAt',
      'status',
      'tickets',
      'createOrder',
      'shop',
      'resubscribe',
      'personalization',
      'eventFields',
      'extraTags',
    ]);
    const createOrder = (App.creates.add_goout_buyer.operation.inputFields as Array<{ key: string; default?: string }>).find((field) => field.key === 'createOrder');
    expect(createOrder?.default).toBe(String(DEFAULT_CREATE_ORDERS));
  });
});

describe('Record Ellity Event', () => {
  const change = { type: 'credit_changed', email: 'member@example.cz', credit: '1 250,5', creditChange: '50' };

  it('updates a contact’s ellity_* properties, then records the change as an OTHER event', async () => {
    await run('create_or_update_contact', { email: 'member@example.cz', consent: 'false' });
    const result = await run('record_ellity_event', change);
    const [event] = h().sandbox.state.events();
    expect(result).toMatchObject({ email: 'member@example.cz', type: 'credit_changed', credit: 1250.5, delta: 50, event_label: 'credit', event_id: event.eventId });
    expect(stored('member@example.cz')).toMatchObject({ consent: 'none' });
    expect(stored('member@example.cz')?.properties).toEqual({
      ellity_credit: '1250.5',
      ellity_credit_num: '1250.5',
      ellity_last_change_value: '50',
      ellity_last_change_date: result.occurred_at.slice(0, 10),
    });
    expect(events()).toEqual([
      { email: 'member@example.cz', type: 'OTHER', externalId: null, value: null, products: null, location: null, details: { detail1: 'credit=1250.5', detail2: 'delta=50' }, description: 'ellity:change:credit', updates: 0 },
    ]);
  });

  it('skips a customer who is not a contact, and a repeated delivery, with a halt', async () => {
    expect(await failureText(run('record_ellity_event', { ...change, email: 'stranger@example.cz' }))).toEqual([
      'HaltedError',
      `stranger@example.cz was not recorded: ${SALESMANAGO_NOT_FOUND_REASON}.`,
    ]);
    expect(h().sandbox.state.contacts()).toEqual([]);
    await run('create_or_update_contact', { email: 'member@example.cz' });
    // The core's dedupe key is per minute: both deliveries must fall into the same one.
    const leftInMinute = 60_000 - (Date.now() % 60_000);
    if (leftInMinute < 10_000) await new Promise((resolve) => setTimeout(resolve, leftInMinute));
    await run('record_ellity_event', change);
    expect(await failureText(run('record_ellity_event', change))).toEqual(['HaltedError', 'This Ellity change was recorded moments ago (a repeated delivery).']);
    expect(h().sandbox.state.events()).toHaveLength(1);
  });
});

describe('Add External Event', () => {
  const cart = {
    email: 'jana@example.cz',
    type: 'CART',
    date: '2026-06-14T18:02:11+02:00',
    value: '1290.5',
    products: ['P-1001', 'P-2040'],
    externalId: 'cart-77',
    location: 'shop_example_cz',
    description: 'https://shop.example.cz/cart/77',
    details: ['Sukienka letnia,Pasek', '', '1/2'],
  };

  it('adds an event of an existing contact, and updates it when given its id', async () => {
    await run('create_or_update_contact', { email: 'jana@example.cz' });
    const first = await run('add_external_event', cart);
    expect(first).toEqual({ event_id: h().sandbox.state.events()[0].eventId, updated: false, email: 'jana@example.cz', type: 'CART', date: '2026-06-14T16:02:11.000Z', external_id: 'cart-77', value: 1290.5 });
    const second = await run('add_external_event', { ...cart, value: '990', eventId: first.event_id });
    expect(second).toMatchObject({ event_id: first.event_id, updated: true, value: 990 });
    expect(events()).toEqual([
      {
        email: 'jana@example.cz',
        type: 'CART',
        externalId: 'cart-77',
        value: 990,
        products: 'P-1001,P-2040',
        location: 'shop_example_cz',
        details: { detail1: 'Sukienka letnia,Pasek', detail3: '1/2' },
        description: 'https://shop.example.cz/cart/77',
        updates: 1,
      },
    ]);
  });

  it('says SALESmanago’s reason when the contact does not exist', async () => {
    expect(await failureText(run('add_external_event', cart))).toEqual([
      'AppError',
      'SalesManagoRejected',
      'SALESmanago refused /api/v2/contact/addContactExtEvent: Contact jana@example.cz not found',
    ]);
    expect(events()).toEqual([]);
  });

  it('offers the five event types and refuses a date it cannot read', async () => {
    const type = (App.creates.add_external_event.operation.inputFields as Array<{ key: string; choices?: Array<{ value: string }> }>).find((field) => field.key === 'type');
    expect(type?.choices?.map((choice) => choice.value)).toEqual(['PURCHASE', 'CANCELLATION', 'RETURN', 'CART', 'OTHER']);
    expect(await failureText(run('add_external_event', { ...cart, date: 'yesterday' }))).toEqual(['AppError', 'InvalidInput', 'Date "yesterday" is not a date and time.']);
    expect(paths()).toEqual([]);
  });
});
