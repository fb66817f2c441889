import { mapEllityCustomer, mapEllityEvent, type EllityEvent, type TrackEventInput } from '@ecomail-bridge/shared';

const base: EllityEvent = {
  source: 'ellity',
  type: 'credit_changed',
  occurredAt: '2026-03-01T10:00:00.000Z',
  email: 'jana@example.cz',
  customerId: '123',
  eshopId: '456',
  credit: 250,
  delta: 50,
  tier: null,
  group: { id: '1', name: 'Retail' },
  pin: null,
  nextExpiration: { date: null, value: null },
  degraded: false,
};
const event = (overrides: Partial<EllityEvent>): EllityEvent => ({ ...base, ...overrides });
const tracked = (label: string, value?: Record<string, number>): TrackEventInput => ({
  email: 'jana@example.cz',
  category: 'ellity',
  action: 'change',
  label,
  ...(value ? { value } : {}),
});

describe('mapEllityEvent', () => {
  it.each<[string, EllityEvent, TrackEventInput | null, Record<string, unknown>]>([
    [
      'credit_changed',
      base,
      tracked('credit', { credit: 250, delta: 50 }),
      {
        ellity_credit: '250',
        ellity_credit_num: 250,
        ellity_last_change_date: { value: '2026-03-01', type: 'date' },
        ellity_last_change_value: '50',
      },
    ],
    [
      'points_expiring',
      event({ type: 'points_expiring', delta: null, nextExpiration: { date: '2026-12-31', value: 40 } }),
      tracked('expiry', { credit: 250, expiring: 40 }),
      {
        ellity_credit: '250',
        ellity_credit_num: 250,
        ellity_next_expiration_date: { value: '2026-12-31', type: 'date' },
        ellity_next_expiration_value: '40',
        ellity_next_expiration_value_num: 40,
      },
    ],
    [
      'points_expiring with nothing to expire: fields only, no reminder',
      event({ type: 'points_expiring', delta: null, nextExpiration: { date: '2026-12-31', value: 0 } }),
      null,
      {
        ellity_credit: '250',
        ellity_credit_num: 250,
        ellity_next_expiration_date: { value: '2026-12-31', type: 'date' },
        ellity_next_expiration_value: '0',
        ellity_next_expiration_value_num: 0,
      },
    ],
    [
      'points_expiring with an unreadable date: kept as text',
      event({ type: 'points_expiring', credit: null, delta: null, nextExpiration: { date: 'end of year', value: null } }),
      tracked('expiry'),
      { ellity_next_expiration_date: 'end of year' },
    ],
    ['pin_changed', event({ type: 'pin_changed', credit: null, delta: null, pin: '4821' }), tracked('pin'), { ellity_pin: '4821' }],
    [
      'tier_changed (label tier [A])',
      event({ type: 'tier_changed', delta: null, tier: { id: '2', name: 'Gold' } }),
      tracked('tier', { credit: 250 }),
      { ellity_credit: '250', ellity_credit_num: 250, ellity_tier_id: '2', ellity_tier_name: 'Gold' },
    ],
    ['unknown trigger: fields but no event', event({ type: 'unknown', delta: null }), null, { ellity_credit: '250', ellity_credit_num: 250 }],
  ])('%s', (_name, input, expectedEvent, expectedFields) => {
    const mapped = mapEllityEvent(input);
    expect(mapped.event).toEqual(expectedEvent);
    expect(mapped.customFields).toEqual(expectedFields);
    expect(mapped.subscriber).toEqual({ email: 'jana@example.cz', custom_fields: expectedFields });
  });

  it('never sends null or empty values (a missing value must not overwrite a stored one)', () => {
    const mapped = mapEllityEvent(event({ credit: null, delta: null }));
    expect(mapped.customFields).toEqual({});
    expect(mapped.subscriber).toEqual({ email: 'jana@example.cz' });
    expect(mapped.event).toEqual(tracked('credit'));
  });

  it('dates the last change by the Czech calendar day of receipt', () => {
    const lateEvening = mapEllityEvent(event({ occurredAt: '2026-03-01T23:30:00.000Z' }));
    expect(lateEvening.customFields.ellity_last_change_date).toEqual({ value: '2026-03-02', type: 'date' });
  });
});

describe('mapEllityCustomer (one-time export row)', () => {
  it('maps the docs/ellity.md §2 customer record', () => {
    expect(
      mapEllityCustomer({
        email: 'Jana@Example.cz',
        ellity_credit: '250',
        ellity_credit_num: 250,
        ellity_pin: '4821',
        ellity_registered: 'registered',
        ellity_next_expiration_date: '2026-12-31',
        ellity_next_expiration_value: '40',
        ellity_next_expiration_value_num: 40,
        ellity_last_change_date: '2026-03-01',
        ellity_last_change_value: '50',
        ellity_referral_code: 'JANA10',
        ellity_referral_link: 'https://shop.example/?ref=JANA10',
      }),
    ).toEqual({
      email: 'jana@example.cz',
      custom_fields: {
        ellity_credit: '250',
        ellity_credit_num: 250,
        ellity_pin: '4821',
        ellity_registered: 'registered',
        ellity_next_expiration_date: { value: '2026-12-31', type: 'date' },
        ellity_next_expiration_value: '40',
        ellity_next_expiration_value_num: 40,
        ellity_last_change_date: { value: '2026-03-01', type: 'date' },
        ellity_last_change_value: '50',
        ellity_referral_code: 'JANA10',
        ellity_referral_link: 'https://shop.example/?ref=JANA10',
      },
    });
  });

  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'CSV strings, header case, Czech numbers and dates, one of each pair missing',
      { ' E-mail ': 'petr@example.cz', ELLITY_CREDIT: '1 250', ellity_next_expiration_value_num: '40', ellity_last_change_date: '1. 3. 2026', ellity_pin: '' },
      {
        email: 'petr@example.cz',
        custom_fields: {
          ellity_credit: '1 250',
          ellity_credit_num: 1250,
          ellity_next_expiration_value: '40',
          ellity_next_expiration_value_num: 40,
          ellity_last_change_date: { value: '2026-03-01', type: 'date' },
        },
      },
    ],
    ['only an e-mail', { email: 'eva@example.sk' }, { email: 'eva@example.sk' }],
    ['no e-mail: skipped', { ellity_credit: '5' }, null],
    ['invalid e-mail: skipped', { email: 'eva(at)example.sk', ellity_credit: '5' }, null],
  ])('%s', (_name, row, expected) => {
    expect(mapEllityCustomer(row)).toEqual(expected);
  });
});
