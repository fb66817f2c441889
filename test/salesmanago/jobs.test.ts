import {
  REPEATED_DELIVERY_REASON,
  SALESMANAGO_NOT_FOUND_REASON,
  SalesManagoApiError,
  SalesManagoValidationError,
  createMemoryStateStore,
  mapEllityCustomer,
  recordEllityEvents,
  saveContacts,
  syncGoOutPurchases,
  typedContact,
} from '@ecomail-bridge/shared/node';
import { ellity, purchase } from '../jobs/fixtures';
import { sandboxPerFile } from './sandbox-per-file';
import { destinationFor } from './helpers';

const ctx = sandboxPerFile();

const paths = () => ctx.sb.state.calls().map((c) => c.path);
const events = () => ctx.sb.state.events().map((e) => [e.email, e.contactExtEventType, e.externalId, e.value, e.updates]);

describe('syncGoOutPurchases to SALESmanago', () => {
  it('saves the buyers (tags normalised, opt-in only with consent), then PURCHASE and CANCELLATION events in one call', async () => {
    const { outcomes, inserted } = await syncGoOutPurchases(destinationFor(ctx.sb), '', [
      purchase('p1', 'petr@example.cz', 'drama', false),
      purchase('p2', 'Petr@example.cz', 'hudba a tanec', true),
      purchase('p3', 'eva@example.cz', 'drama', false),
      purchase('p1', 'petr@example.cz', 'drama', false, 'refunded'),
    ]);
    expect(outcomes.map((o) => [o.contact.status, o.contact.duplicateOf, o.order?.status])).toEqual([
      ['saved', undefined, 'sent'],
      ['saved', 0, 'sent'],
      ['saved', undefined, 'sent'],
      ['saved', 0, 'sent'],
    ]);
    expect(inserted).toBe(2);
    expect(ctx.sb.state.contacts().map((c) => [c.email, c.name, c.tags, c.emailConsent, c.properties])).toEqual([
      ['petr@example.cz', 'Petr Novák', ['GOOUT', 'GOOUT_CS', 'DRAMA', 'GOOUT_NEWSLETTER', 'HUDBA_A_TANEC'], 'opted-in', { vokativ: 'Petře', vokativ_s: 'Nováku', gender: 'male', nameday: '06-29', source: 'GoOut' }],
      ['eva@example.cz', 'Petr Novák', ['GOOUT', 'GOOUT_CS', 'DRAMA'], 'none', { vokativ: 'Petře', vokativ_s: 'Nováku', gender: 'male', nameday: '06-29', source: 'GoOut' }],
    ]);
    expect(events()).toEqual([
      ['petr@example.cz', 'PURCHASE', 'p1', 390, 0],
      ['petr@example.cz', 'PURCHASE', 'p2', 390, 0],
      ['eva@example.cz', 'PURCHASE', 'p3', 390, 0],
      ['petr@example.cz', 'CANCELLATION', 'p1', 390, 0],
    ]);
    expect(ctx.sb.state.events()[0]).toMatchObject({ products: 's-drama', details: { detail1: 'Show drama — Standard', detail2: '2026-06-14T16:02:11.000Z', detail3: 'drama' } });
    expect(paths()).toEqual(['/api/contact/list', '/api/contact/batchupsertv2', '/api/contact/batchAddContactExtEvent']);
  });

  it('adds tags to those a contact has and never opts a contact in again who opted out, unless Resubscribe allows it', async () => {
    const destination = destinationFor(ctx.sb);
    await syncGoOutPurchases(destination, '', [purchase('p1', 'petr@example.cz', 'drama', true)]);
    ctx.sb.optOut('petr@example.cz');
    await syncGoOutPurchases(destination, '', [purchase('p2', 'petr@example.cz', 'koncert', true)]);
    expect(ctx.sb.state.contact('petr@example.cz')).toMatchObject({ emailConsent: 'opted-out', tags: ['GOOUT', 'GOOUT_CS', 'GOOUT_NEWSLETTER', 'DRAMA', 'KONCERT'] });
    await syncGoOutPurchases(destination, '', [purchase('p3', 'petr@example.cz', 'koncert', false)], { subscribe: { resubscribe: true } });
    expect(ctx.sb.state.contact('petr@example.cz')!.emailConsent).toBe('opted-out');
    await syncGoOutPurchases(destination, '', [purchase('p4', 'petr@example.cz', 'koncert', true)], { subscribe: { resubscribe: true } });
    expect(ctx.sb.state.contact('petr@example.cz')!.emailConsent).toBe('opted-in');
    const flags = ctx.sb.state
      .calls()
      .filter((c) => c.path === '/api/contact/batchupsertv2')
      .map((c) => (c.body as { upsertDetails: Array<{ forceOptIn: boolean; forceOptOut: boolean }> }).upsertDetails.map((d) => [d.forceOptIn, d.forceOptOut]));
    expect(flags).toEqual([[[true, false]], [[false, false]], [[false, false]], [[true, false]]]);
  });

  it('follows the import modes: add only leaves an existing contact untouched but sends its event; update only skips strangers', async () => {
    const destination = destinationFor(ctx.sb);
    await syncGoOutPurchases(destination, '', [purchase('p1', 'petr@example.cz', 'drama', false)]);
    const added = await syncGoOutPurchases(destination, '', [purchase('p2', 'petr@example.cz', 'koncert', true), purchase('p3', 'eva@example.cz', 'drama', false)], { mode: 'add-only' });
    expect(added.outcomes.map((o) => [o.contact.status, o.order?.status])).toEqual([
      ['saved', 'sent'],
      ['saved', 'sent'],
    ]);
    expect(added.inserted).toBe(1);
    expect(ctx.sb.state.contact('petr@example.cz')).toMatchObject({ tags: ['GOOUT', 'GOOUT_CS', 'DRAMA'], upserts: 1, emailConsent: 'none' });
    const updated = await syncGoOutPurchases(destination, '', [purchase('p4', 'jan@example.cz', 'drama', true), purchase('p5', 'eva@example.cz', 'koncert', true)], { mode: 'update-only' });
    expect(updated.outcomes.map((o) => [o.contact.status, 'reason' in o.contact ? o.contact.reason : undefined, o.order?.status])).toEqual([
      ['skipped', SALESMANAGO_NOT_FOUND_REASON, undefined],
      ['saved', undefined, 'sent'],
    ]);
    // Only update existing never opts anybody in, consent or not.
    expect(ctx.sb.state.contact('eva@example.cz')).toMatchObject({ tags: ['GOOUT', 'GOOUT_CS', 'DRAMA', 'GOOUT_NEWSLETTER', 'KONCERT'], emailConsent: 'none' });
    expect(ctx.sb.state.contact('jan@example.cz')).toBeUndefined();
    expect(events().map((e) => e[2])).toEqual(['p1', 'p2', 'p3', 'p5']);
  });

  it('sends events one by one with Start Automations, keeps their ids and updates an event sent again instead of adding one', async () => {
    const state = createMemoryStateStore();
    const destination = destinationFor(ctx.sb, { state });
    const batch = [purchase('p1', 'petr@example.cz', 'drama', true), purchase('p1', 'petr@example.cz', 'drama', true, 'refunded')];
    const first = await syncGoOutPurchases(destination, '', batch, { subscribe: { triggerAutomations: true } });
    const again = await syncGoOutPurchases(destination, '', batch, { subscribe: { triggerAutomations: true } });
    const ids = ctx.sb.state.events().map((e) => e.eventId);
    expect(first.outcomes.map((o) => o.order)).toEqual([
      { status: 'sent', response: { eventId: ids[0] } },
      { status: 'sent', response: { eventId: ids[1] } },
    ]);
    expect(again.outcomes.map((o) => o.order)).toEqual(first.outcomes.map((o) => o.order));
    expect(events()).toEqual([
      ['petr@example.cz', 'PURCHASE', 'p1', 390, 1],
      ['petr@example.cz', 'CANCELLATION', 'p1', 390, 1],
    ]);
    expect(state.snapshot()).toEqual({ 'salesmanago.eventIds': { 'PURCHASE p1': ids[0], 'CANCELLATION p1': ids[1] } });
    expect(paths().filter((p) => p.includes('ExtEvent'))).toEqual(Array(4).fill('/api/v2/contact/addContactExtEvent'));
  });

  it('fails only the bad row of a refused package: the package is retried once, then halved down to it, and it once more alone', async () => {
    ctx.sb.block(['c0@example.cz']);
    const purchases = Array.from({ length: 450 }, (_, i) => purchase(`p${i}`, `c${i}@example.cz`, 'drama', false));
    const { outcomes, inserted } = await syncGoOutPurchases(destinationFor(ctx.sb), '', purchases);
    expect(outcomes[0]).toMatchObject({ contact: { status: 'failed', reason: 'SALESmanago refused /api/contact/batchupsertv2: Contact c0@example.cz cannot be saved', httpStatus: 200 } });
    expect(outcomes[0].order).toBeUndefined();
    expect(outcomes.slice(1).every((o) => o.contact.status === 'saved' && o.order?.status === 'sent')).toBe(true);
    expect(inserted).toBe(449);
    expect(ctx.sb.state.contacts()).toHaveLength(449);
    expect(ctx.sb.state.events()).toHaveLength(449);
    // 9 look-ups; the first package twice, then 400→200→…→1 (10 more), the bad row once more,
    // the 9 second halves; the package of 50; one event call.
    expect(paths().filter((p) => p === '/api/contact/list')).toHaveLength(9);
    expect(paths().filter((p) => p === '/api/contact/batchupsertv2')).toHaveLength(22);
    expect(paths().filter((p) => p === '/api/contact/batchAddContactExtEvent')).toHaveLength(1);
  });

  it('fails a batch the service never took with its status (an outage the caller stops on), losing nothing', async () => {
    ctx.sb.setFaults({ errorRate: 1 });
    const { outcomes } = await syncGoOutPurchases(destinationFor(ctx.sb, { retry: { baseDelayMs: 1, maxDelayMs: 2, maxRetries: 2 } }), '', [purchase('p1', 'petr@example.cz', 'drama', true)]);
    expect(outcomes).toEqual([{ contact: expect.objectContaining({ status: 'failed', email: 'petr@example.cz', httpStatus: expect.any(Number) }) }]);
    expect([500, 502, 503]).toContain((outcomes[0].contact as { httpStatus: number }).httpStatus);
    expect((outcomes[0].contact as { reason: string }).reason).toMatch(/^whether it exists could not be read: SALESmanago answered 50[023] to \/api\/contact\/list after the retries/);
  });

  it('throws refused credentials once, before any write', async () => {
    const destination = destinationFor(ctx.sb, { apiSecret: 'revoked-secret-1' });
    const error = await syncGoOutPurchases(destination, '', Array.from({ length: 120 }, (_, i) => purchase(`p${i}`, `c${i}@example.cz`, 'drama', true))).catch((e: unknown) => e);
    expect(destination.isAuthError(error)).toBe(true);
    expect(error).toBeInstanceOf(SalesManagoApiError);
    // Two look-ups were in flight when the first refusal came; none started after it.
    expect(paths()).toEqual(['/api/contact/list', '/api/contact/list']);
  });

  it('refuses tag handling "replace", which SALESmanago cannot do, before sending anything', async () => {
    const error = await syncGoOutPurchases(destinationFor(ctx.sb), '', [purchase('p1', 'petr@example.cz', 'drama', true)], { tagHandling: 'replace' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SalesManagoValidationError);
    expect((error as Error).message).toBe('SALESmanago cannot replace tags: its API only adds the tags named and removes the tags named, so use tag handling "add".');
    expect(paths()).toEqual([]);
  });
});

describe('recordEllityEvents to SALESmanago', () => {
  it('updates members only (fields as properties, then an OTHER event), skips strangers and repeats, opts nobody in', async () => {
    const destination = destinationFor(ctx.sb);
    await destination.client.upsertContact({ contact: { email: 'member@example.cz' }, forceOptIn: false, forceOptOut: false, forcePhoneOptIn: false, forcePhoneOptOut: false });
    const before = ctx.sb.state.calls().length;
    const outcomes = await recordEllityEvents(destination, '', [ellity('member@example.cz', '100'), ellity('stranger@example.cz', '50'), ellity('member@example.cz', '100')]);
    const [event] = ctx.sb.state.events();
    expect(outcomes.map((o) => [o.email, o.status, 'reason' in o ? o.reason : undefined])).toEqual([
      ['member@example.cz', 'recorded', undefined],
      ['stranger@example.cz', 'skipped', SALESMANAGO_NOT_FOUND_REASON],
      ['member@example.cz', 'skipped', REPEATED_DELIVERY_REASON],
    ]);
    expect(outcomes[0]).toMatchObject({ event: { id: event.eventId } });
    expect(ctx.sb.state.contact('stranger@example.cz')).toBeUndefined();
    expect(ctx.sb.state.contact('member@example.cz')).toMatchObject({ emailConsent: 'none', properties: expect.objectContaining({ ellity_credit: '100', ellity_credit_num: '100' }) });
    expect([event.email, event.contactExtEventType, event.description, event.details]).toEqual([
      'member@example.cz',
      'OTHER',
      'ellity:change:credit',
      { detail1: 'credit=100', detail2: 'delta=10' },
    ]);
    expect(ctx.sb.state.calls().slice(before).map((c) => c.path)).toEqual(['/api/contact/list', '/api/contact/batchupsertv2', '/api/v2/contact/addContactExtEvent']);
  });
});

describe('saveContacts (CSV rows) to SALESmanago', () => {
  it('stores typed Ellity export rows with their fields as properties, rejecting a bad row with its reason', async () => {
    const rows = [
      typedContact({ ...mapEllityCustomer({ email: 'Jana@Example.cz', ellity_credit: '120', ellity_pin: '4711' })!, name: 'jana', surname: 'NOVÁKOVÁ' }),
      { email: 'jana@example.cz', tags: ['Ellity'] },
      { email: 'petr@example.cz', tags: ['!!!'] },
    ];
    const { outcomes, inserted } = await saveContacts(destinationFor(ctx.sb), '', rows);
    expect(outcomes.map((o) => [o.status, o.email, o.duplicateOf, 'reason' in o ? o.reason : undefined])).toEqual([
      ['saved', 'jana@example.cz', undefined, undefined],
      ['saved', 'jana@example.cz', 0, undefined],
      ['rejected', 'petr@example.cz', undefined, 'tag "!!!" has no letter or digit SALESmanago could keep'],
    ]);
    expect(inserted).toBe(1);
    expect(ctx.sb.state.contacts().map((c) => [c.email, c.name, c.tags, c.emailConsent, c.properties])).toEqual([
      [
        'jana@example.cz',
        'Jana Nováková',
        ['ELLITY'],
        'opted-in',
        { vokativ: 'Jano', vokativ_s: 'Nováková', gender: 'female', nameday: '05-24', ellity_credit: '120', ellity_credit_num: '120', ellity_pin: '4711' },
      ],
    ]);
  });
});
