import { DEFAULT_SUBSCRIBE_CHOICES, NOT_IN_LIST_REASON, NO_CONSENT_REASON, SUBSCRIBE_CHOICE_TEXT, TAG_HANDLING_TEXT } from '@ecomail-bridge/shared';
import { purchaseSample } from '../../src/goout/purchase-record';
import { zapierWording } from '../../src/platform/wording';
import { failureText } from '../app-tester';
import { addBuyerInput } from '../goout/record-to-buyer';
import { App, getResponsePerFile } from './harness';

const { h, run, appTester } = getResponsePerFile({
  customFields: [
    { name: 'shoe_size', type: 'text' },
    { name: 'membership', type: 'single_select', values: ['Gold', 'Silver'] },
  ],
});

const list = () => h().sandbox.campaignIds[0];
/** What the sandbox holds of a contact in the first list, without its generated id. */
function stored(email: string) {
  const contact = h().sandbox.state.contact(email, list());
  return contact && { name: contact.name, tags: contact.tags, fields: contact.fields, dayOfCycle: contact.dayOfCycle };
}
const emails = () => h().sandbox.state.contacts().map((contact) => contact.email);
const keysOf = (key: string) => (App.creates[key].operation.inputFields as Array<{ key?: string }>).map((field) => field.key ?? '(dynamic)');

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
  custom__shoe_size: '38',
  custom__membership: 'gold',
};

describe('Create or Update Contact', () => {
  it('adds the contact to the list with the core’s clean-up, fields by name and GetResponse’s tag spelling', async () => {
    const result = await run('create_or_update_contact', { campaignId: list(), ...JANA });
    expect(result).toEqual({ email: 'jana.novakova@example.cz', already_existed: false, import_mode: null, contact_id: null, list_id: list(), fields_not_written: [] });
    expect(stored('jana.novakova@example.cz')).toEqual({
      name: 'Jana Nováková',
      tags: ['Zapier', 'vip_klient'],
      fields: {
        vokativ: ['Jano'],
        vokativ_s: ['Nováková'],
        nameday: ['05-24'],
        gender: ['female'],
        company: ['Divadlo s.r.o.'],
        street: ['Dlouhá 5'],
        city: ['Praha'],
        postal_code: ['11000'],
        country: ['CZ'],
        phone: ['+420601234567'],
        birthdate: ['1990-01-31'],
        source: ['Zapier'],
        shoe_size: ['38'],
        membership: ['Gold'],
      },
      dayOfCycle: null,
    });
    expect(emails()).toEqual(['jana.novakova@example.cz']);
  });

  it('updates the contact already in the list: tags added beside its others, or replaced with Replace Tags', async () => {
    await run('create_or_update_contact', { campaignId: list(), email: 'eva@example.cz', name: 'Eva', tags: ['vip'] });
    const id = h().sandbox.state.contact('eva@example.cz', list())?.contactId;
    const added = await run('create_or_update_contact', { campaignId: list(), email: 'eva@example.cz', tags: ['divadlo'], importMode: 'add-and-update' });
    expect(added).toEqual({ email: 'eva@example.cz', already_existed: true, import_mode: 'add-and-update', contact_id: id, list_id: list(), fields_not_written: [] });
    expect(stored('eva@example.cz')?.tags).toEqual(['vip', 'divadlo']);
    await run('create_or_update_contact', { campaignId: list(), email: 'eva@example.cz', tags: ['koncert'], tagHandling: 'replace' });
    expect(stored('eva@example.cz')).toMatchObject({ name: 'Eva', tags: ['koncert'] });
  });

  it('with Newsletter Consent No updates a contact in the list but adds nobody new (a halt)', async () => {
    expect(await failureText(run('create_or_update_contact', { campaignId: list(), email: 'new@example.cz', consent: 'false' }))).toEqual([
      'HaltedError',
      `new@example.cz was not saved: ${NO_CONSENT_REASON}.`,
    ]);
    expect(emails()).toEqual([]);
    await run('create_or_update_contact', { campaignId: list(), email: 'eva@example.cz' });
    await run('create_or_update_contact', { campaignId: list(), email: 'eva@example.cz', name: 'Eva', consent: 'false' });
    expect(stored('eva@example.cz')?.name).toBe('Eva');
  });

  it('puts a new contact into the autoresponder cycle only with Start Automations', async () => {
    await run('create_or_update_contact', { campaignId: list(), email: 'a@example.cz' });
    await run('create_or_update_contact', { campaignId: list(), email: 'b@example.cz', triggerAutomations: 'true' });
    expect([stored('a@example.cz')?.dayOfCycle, stored('b@example.cz')?.dayOfCycle]).toEqual([null, '0']);
  });

  it('skips a stranger under Only Update Existing, and tells why a value was left out', async () => {
    expect(await failureText(run('create_or_update_contact', { campaignId: list(), email: 'nobody@example.cz', importMode: 'update-only' }))).toEqual([
      'HaltedError',
      `nobody@example.cz was not saved: ${NOT_IN_LIST_REASON}.`,
    ]);
    const result = await run('create_or_update_contact', { campaignId: list(), email: 'eva@example.cz', custom__membership: 'bronze' });
    expect(result.fields_not_written).toEqual(['membership: "bronze" is not one of the field\'s values (Gold, Silver)']);
    expect(stored('eva@example.cz')?.fields).toEqual({});
  });

  it('offers the list dropdown, the account’s other custom fields and the core’s choices GetResponse takes', async () => {
    expect(keysOf('create_or_update_contact')).toEqual([
      'campaignId',
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
      'tagHandling',
      'personalization',
      'triggerAutomations',
      '(dynamic)',
      'customFields',
    ]);
    const fields = App.creates.create_or_update_contact.operation.inputFields as Array<Record<string, unknown> | ((...args: unknown[]) => unknown)>;
    const byKey = new Map(fields.flatMap((field) => (typeof field === 'function' ? [] : [[field.key, field]])));
    expect(byKey.get('campaignId')).toMatchObject({ dynamic: 'campaign.id.name', required: true });
    expect(byKey.get('tagHandling')).toMatchObject({ default: 'add', choices: [{ value: 'add', label: TAG_HANDLING_TEXT.add.label, sample: 'add' }, { value: 'replace', label: TAG_HANDLING_TEXT.replace.label, sample: 'replace' }] });
    expect(byKey.get('triggerAutomations')).toMatchObject({ label: zapierWording(SUBSCRIBE_CHOICE_TEXT.triggerAutomations.label), default: String(DEFAULT_SUBSCRIBE_CHOICES.triggerAutomations) });
    const dynamic = fields.find((field) => typeof field === 'function');
    expect(await appTester(dynamic, { authData: h().authData, inputData: {} })).toEqual([
      { key: 'custom__shoe_size', label: 'shoe_size', type: 'string', required: false, helpText: 'GetResponse custom field `shoe_size` (text).' },
      { key: 'custom__membership', label: 'membership', type: 'string', required: false, choices: ['Gold', 'Silver'], helpText: 'GetResponse custom field `membership` (single_select).' },
    ]);
    const campaigns = await appTester(App.triggers.campaign.operation.perform, { authData: h().authData });
    expect(campaigns).toEqual([
      { id: 'A1b2C', name: 'goout_buyers' },
      { id: 'D3e4F', name: 'newsletter' },
    ]);
  });
});

describe('Add GoOut Buyer', () => {
  it('adds the consenting buyer of the GoOut trigger’s record mapped 1:1, with its tags and fields; no order', async () => {
    const result = await run('add_goout_buyer', { campaignId: list(), ...addBuyerInput(purchaseSample), eventFields: 'true' });
    expect(result).toEqual({
      email: purchaseSample.email,
      already_existed: false,
      import_mode: null,
      contact_id: null,
      list_id: list(),
      fields_not_written: [],
      purchase_id: '8812345',
      newsletter_consent: true,
    });
    expect(stored(purchaseSample.email)).toEqual({
      name: 'Petra Nováková',
      tags: ['GoOut', 'GoOut_cs', 'GoOut_newsletter', 'koncert'],
      fields: {
        vokativ: ['Petro'],
        vokativ_s: ['Nováková'],
        nameday: ['08-17'],
        gender: ['female'],
        country: ['CZ'],
        source: ['GoOut'],
        goout_last_event: ['Jazz na Špilberku'],
        goout_last_event_start: ['2026-06-20 19:30'],
      },
      dayOfCycle: null,
    });
  });

  it('adds no buyer without consent to the list, but updates one already in it', async () => {
    const input = { campaignId: list(), ...addBuyerInput(purchaseSample), newsletterConsent: 'false' };
    expect(await failureText(run('add_goout_buyer', input))).toEqual(['HaltedError', `${purchaseSample.email} was not saved: ${NO_CONSENT_REASON}.`]);
    expect(emails()).toEqual([]);
    await run('create_or_update_contact', { campaignId: list(), email: purchaseSample.email, tags: ['vip'] });
    await run('add_goout_buyer', input);
    expect(stored(purchaseSample.email)?.tags).toEqual(['vip', 'GoOut', 'GoOut_cs', 'koncert']);
  });

  it('offers no order option: GetResponse keeps no orders', () => {
    expect(keysOf('add_goout_buyer')).toEqual([
      'campaignId',
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
      'triggerAutomations',
      'tagHandling',
      'personalization',
      'eventFields',
      'extraTags',
    ]);
  });
});

describe('Record Ellity Event', () => {
  const change = { type: 'credit_changed', email: 'member@example.cz', credit: '1 250,5', creditChange: '50' };

  it('writes the ellity_* fields of a contact in the list', async () => {
    await run('create_or_update_contact', { campaignId: list(), email: 'member@example.cz' });
    const result = await run('record_ellity_event', { campaignId: list(), ...change });
    expect(result).toMatchObject({ email: 'member@example.cz', type: 'credit_changed', credit: 1250.5, delta: 50, list_id: list() });
    expect(stored('member@example.cz')?.fields).toEqual({
      ellity_credit: ['1250.5'],
      ellity_credit_num: ['1250.5'],
      ellity_last_change_value: ['50'],
      ellity_last_change_date: [result.occurred_at.slice(0, 10)],
    });
  });

  it('skips a customer who is not in the list with a halt, adding nobody', async () => {
    expect(await failureText(run('record_ellity_event', { campaignId: list(), ...change }))).toEqual([
      'HaltedError',
      `member@example.cz was not recorded: ${NOT_IN_LIST_REASON}.`,
    ]);
    expect(emails()).toEqual([]);
  });
});
