import { EllityPayloadError, ellityWebhookTemplate, parseEllityWebhook, type EllityEvent, type EllityTrigger } from '@ecomail-bridge/shared';
import {
  CZECH_NUMBERS,
  ELLITY_VARIABLES,
  EMAIL_ONLY_BY_PATTERN,
  EMPTY_AND_PLACEHOLDERS,
  UNESCAPED_QUOTES,
  UNQUOTED_CZECH_NUMBER,
  WELL_FORMED,
  substitute,
} from './fixtures/webhook-bodies';

const RECEIVED_AT = Date.parse('2026-03-01T10:00:00Z');
const options = { now: () => RECEIVED_AT };
const parse = (body: unknown, query?: Record<string, unknown>) => parseEllityWebhook(body, query, options);

describe('parseEllityWebhook', () => {
  it('reads a well-formed body into the normalised event', () => {
    expect(parse(WELL_FORMED)).toEqual<EllityEvent>({
      source: 'ellity',
      type: 'credit_changed',
      occurredAt: '2026-03-01T10:00:00.000Z',
      email: 'jana@example.cz',
      customerId: '123',
      eshopId: '456',
      credit: 250,
      delta: 50,
      tier: { id: '2', name: 'Gold' },
      group: { id: '1', name: 'Retail' },
      pin: null,
      nextExpiration: { date: null, value: null },
      degraded: false,
    });
  });

  it('gives the same event for an already-parsed object body', () => {
    expect(parse(JSON.parse(WELL_FORMED))).toEqual(parse(WELL_FORMED));
  });

  it.each<[string, unknown, Partial<EllityEvent>]>([
    ['Czech numbers with nbsp groups and comma decimals', CZECH_NUMBERS, { credit: 1250.5, delta: -12.5 }],
    [
      'empty strings and unreplaced placeholders as missing, never 0',
      EMPTY_AND_PLACEHOLDERS,
      { type: 'tier_changed', customerId: null, eshopId: null, credit: null, delta: null, tier: { id: '3', name: null }, group: null },
    ],
    ['schema missing and trigger in other case and separators', { trigger: 'Points-Expiring', email: 'a@example.cz' }, { type: 'points_expiring' }],
    ['unknown trigger passed through', { trigger: 'birthday', email: 'a@example.cz' }, { type: 'unknown' }],
    ['no trigger at all', { email: 'a@example.cz' }, { type: 'unknown' }],
    [
      'JSON posted as a form: the whole text arrives as the only key',
      { [WELL_FORMED]: '' },
      { email: 'jana@example.cz', credit: 250, degraded: false },
    ],
    [
      'expiry and PIN variables, Czech date',
      { trigger: 'points_expiring', customer: { email: 'a@example.cz', pin: 4821, nextExpirationDate: '1.2.2027', nextExpirationValue: '40' } },
      { pin: '4821', nextExpiration: { date: '2027-02-01', value: 40 } },
    ],
  ])('%s', (_name, body, expected) => {
    expect(parse(body)).toMatchObject(expected);
  });

  describe('broken JSON (plain-text substitution)', () => {
    it('recovers values that end cleanly and drops the broken one, marked degraded', () => {
      expect(parse(UNESCAPED_QUOTES)).toMatchObject({
        type: 'credit_changed',
        email: 'jana@example.cz',
        customerId: '123',
        eshopId: '456',
        credit: 1250,
        delta: 50,
        tier: { id: '2', name: 'Gold' },
        group: { id: '1', name: null },
        degraded: true,
      });
    });

    it('reads unquoted Czech numbers by key', () => {
      expect(parse(UNQUOTED_CZECH_NUMBER)).toMatchObject({
        type: 'points_expiring',
        credit: 1250.5,
        nextExpiration: { date: '2026-12-31', value: 40 },
        degraded: true,
      });
    });

    it('finds the e-mail by pattern when even its key is damaged', () => {
      expect(parse(EMAIL_ONLY_BY_PATTERN)).toMatchObject({ email: 'karel@example.cz', type: 'pin_changed', pin: '4821', degraded: true });
    });
  });

  describe('GET without body: data in the query', () => {
    const query = { key: 'S3cret-url-key-0123456789abcdef', email: 'Jana@Example.cz', credit: '250', trigger: 'credit_changed', delta: '50' };

    it.each([[''], [undefined], [{}]])('body %p', (body) => {
      const event = parse(body, query);
      expect(event).toMatchObject({ email: 'jana@example.cz', credit: 250, delta: 50, type: 'credit_changed', degraded: false });
      expect(JSON.stringify(event)).not.toContain(query.key);
    });

    it('reads nested query parameters (customer[email]=…) too', () => {
      expect(parse(undefined, { customer: { email: 'jana@example.cz', credit: '7' } })).toMatchObject({ credit: 7 });
    });

    it('prefers the body and fills gaps from the query', () => {
      expect(parse({ customer: { email: 'jana@example.cz', credit: '' } }, { credit: '99' })).toMatchObject({ credit: 99 });
    });
  });

  describe('no usable e-mail', () => {
    it.each<[string, unknown, Record<string, unknown> | undefined, string]>([
      ['empty body, no query', '', undefined, 'empty'],
      ['empty object body', {}, undefined, 'empty'],
      ['empty body, only the secret', undefined, { key: 'S3cret-url-key' }, 'empty'],
      ['no e-mail field', { trigger: 'credit_changed', customer: { credit: '5' } }, undefined, 'missing-email'],
      ['placeholder left', { customer: { email: '#customer.email#' } }, undefined, 'unreplaced-email'],
      ['empty e-mail', { customer: { email: '  ' } }, undefined, 'unreplaced-email'],
      ['not an address', { customer: { email: 'jana at example' } }, undefined, 'invalid-email'],
      ['broken JSON without any address', '{"customer": {"email": "x"y"}}', undefined, 'missing-email'],
    ])('%s → EllityPayloadError(%s)', (_name, body, query, problem) => {
      let error: unknown;
      try {
        parse(body, query);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(EllityPayloadError);
      expect((error as EllityPayloadError).problem).toBe(problem);
      expect((error as Error).message).toMatch(/Ellity/);
      expect((error as Error).message).not.toContain('S3cret');
      expect((error as Error).message).not.toContain('jana at example');
    });
  });

  it('uses the system clock when no clock is given', () => {
    const before = Date.now();
    const occurred = Date.parse(parseEllityWebhook({ email: 'a@example.cz' }).occurredAt);
    expect(occurred).toBeGreaterThanOrEqual(before);
  });
});

describe('ellityWebhookTemplate', () => {
  const triggers: EllityTrigger[] = ['credit_changed', 'tier_changed', 'points_expiring', 'pin_changed'];

  it.each(triggers)('%s: pretty JSON of our v1 contract that round-trips through Ellity substitution', (trigger) => {
    const template = ellityWebhookTemplate(trigger);
    expect(template).toContain('\n  "schema": "ellity-webhook/1"');
    expect(JSON.parse(template)).toMatchObject({
      schema: 'ellity-webhook/1',
      trigger,
      eshopId: '#account.eshopId#',
      customer: { email: '#customer.email#', credit: '#customer.credit#' },
      creditChange: { value: '#creditChange.value#' },
    });
    const event = parse(substitute(template, ELLITY_VARIABLES));
    expect(event).toMatchObject({ type: trigger, email: 'jana@example.cz', credit: 250, delta: 50, degraded: false });
  });

  it('adds the expiry variables only to points_expiring and the PIN only to pin_changed', () => {
    expect(parse(substitute(ellityWebhookTemplate('points_expiring'), ELLITY_VARIABLES))).toMatchObject({
      nextExpiration: { date: '2026-12-31', value: 40 },
      pin: null,
    });
    expect(parse(substitute(ellityWebhookTemplate('pin_changed'), ELLITY_VARIABLES))).toMatchObject({
      nextExpiration: { date: null, value: null },
      pin: '4821',
    });
  });

  it('survives Ellity not knowing a variable (empty substitution)', () => {
    const event = parse(substitute(ellityWebhookTemplate('credit_changed'), { 'customer.email': 'jana@example.cz' }));
    expect(event).toMatchObject({ credit: null, delta: null, tier: null, group: null, customerId: null });
  });
});
