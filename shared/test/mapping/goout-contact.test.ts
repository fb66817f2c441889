import {
  goOutConsentPolicy,
  mapGoOutPurchase,
  personalize,
  type GoOutMappingOptions,
  type SubscriberData,
} from '@ecomail-bridge/shared';
import { purchase, SLOVAK_NO_CONSENT, ticket, type PurchaseOverrides } from './fixtures/goout-purchases';

const plain: GoOutMappingOptions = { personalization: false };

describe('mapGoOutPurchase', () => {
  it('maps the docs/goout.md §5 record like Ecomail\'s native sync', () => {
    expect(mapGoOutPurchase(purchase(), plain)).toEqual<SubscriberData>({
      email: 'jana@example.cz',
      name: 'Jana',
      surname: 'Nováková',
      country: 'CZ',
      source: 'GoOut',
      tags: ['GoOut', 'GoOut_cs', 'GoOut_newsletter', 'drama'],
    });
  });

  it.each<[string, PurchaseOverrides, string[]]>([
    ['consent, cs', {}, ['GoOut', 'GoOut_cs', 'GoOut_newsletter', 'drama']],
    ['no consent, sk', { buyer: { language: 'sk', country: 'SK', newsletterConsent: false } }, ['GoOut', 'GoOut_sk', 'drama']],
    ['consent, en', { buyer: { language: 'en', country: null } }, ['GoOut', 'GoOut_en', 'GoOut_newsletter', 'drama']],
    ['language unknown', { buyer: { language: null } }, ['GoOut', 'GoOut_newsletter', 'drama']],
    [
      'category labels normalised, deduplicated, at most 50 characters',
      { items: [ticket({ event: { id: 'e', name: 'X', mainCategory: null, tags: ['  Stand-up  Comedy ', 'Drama', 'drama', 'Ž'.repeat(80), ' '] } })] },
      ['GoOut', 'GoOut_cs', 'GoOut_newsletter', 'stand-up_comedy', 'drama', 'ž'.repeat(50)],
    ],
  ])('tags: %s', (_name, overrides, tags) => {
    const subscriber = mapGoOutPurchase(purchase(overrides), plain);
    expect(subscriber.tags).toEqual(tags);
    for (const tag of subscriber.tags ?? []) expect(tag.length).toBeLessThanOrEqual(50);
  });

  it.each<[string, GoOutMappingOptions, string[] | undefined]>([
    ['category tags off', { categoryTags: false }, ['GoOut', 'GoOut_cs', 'GoOut_newsletter']],
    ['extra tags appended, trimmed, capped, deduplicated', { extraTags: [' VIP ', 'GoOut', '', 'x'.repeat(60)] }, ['GoOut', 'GoOut_cs', 'GoOut_newsletter', 'drama', 'VIP', 'x'.repeat(50)]],
    ['tags off: no tags key, so the contact\'s tags stay untouched', { tags: false }, undefined],
  ])('%s', (_name, options, tags) => {
    const subscriber = mapGoOutPurchase(purchase(), { ...plain, ...options });
    expect(subscriber.tags).toEqual(tags);
    expect('tags' in subscriber).toBe(tags !== undefined);
  });

  it('leaves out names GoOut does not have', () => {
    const subscriber = mapGoOutPurchase(purchase({ buyer: { firstName: null, lastName: '  ', country: null } }));
    expect(subscriber).toEqual({ email: 'jana@example.cz', source: 'GoOut', tags: ['GoOut', 'GoOut_cs', 'GoOut_newsletter', 'drama'] });
  });

  it.each<[string, string, Partial<SubscriberData>]>([
    ['  jana ', ' NOVÁKOVÁ  ', { name: 'Jana', surname: 'Nováková' }],
    ['Ing. Jana', 'Nováková, Ph.D.', { name: 'Jana', surname: 'Nováková', pretitle: 'Ing.', surtitle: 'Ph.D.' }],
    ['MUDr.  petr', 'svoboda CSc.', { name: 'Petr', surname: 'Svoboda', pretitle: 'MUDr.', surtitle: 'CSc.' }],
  ])('cleans messy names: %p %p', (firstName, lastName, expected) => {
    expect(mapGoOutPurchase(purchase({ buyer: { firstName, lastName } }), plain)).toMatchObject(expected);
  });

  it('normalises the e-mail and uses a custom source', () => {
    expect(mapGoOutPurchase(purchase({ buyer: { email: ' Jana@Example.CZ ' } }), { ...plain, source: 'GoOut Brno' })).toMatchObject({
      email: 'jana@example.cz',
      source: 'GoOut Brno',
    });
  });

  describe('event fields', () => {
    it('are off by default', () => {
      expect(mapGoOutPurchase(purchase(), plain).custom_fields).toBeUndefined();
    });

    it('carry the event that starts last, start as the ticket\'s wall-clock minute', () => {
      expect(mapGoOutPurchase(SLOVAK_NO_CONSENT, { ...plain, eventFields: true }).custom_fields).toEqual({
        goout_last_event: 'Jazz na hrade',
        goout_last_event_start: '2026-07-01 20:00',
      });
    });

    it('use the keys the user chose', () => {
      expect(mapGoOutPurchase(purchase(), { ...plain, eventFields: { nameKey: 'posledni_akce', startKey: 'zacatek' } }).custom_fields).toEqual({
        posledni_akce: 'Hamlet',
        zacatek: '2026-04-10 19:00',
      });
    });

    it('skip what is missing', () => {
      const noStart = purchase({ items: [ticket({ schedule: null })] });
      expect(mapGoOutPurchase(noStart, { ...plain, eventFields: true }).custom_fields).toEqual({ goout_last_event: 'Hamlet' });
      const noEvent = purchase({ items: [ticket({ event: null })] });
      expect(mapGoOutPurchase(noEvent, { ...plain, eventFields: true }).custom_fields).toBeUndefined();
    });
  });

  describe('personalisation (on by default)', () => {
    it('adds the Czech vocative, gender and name day for a CZ buyer', () => {
      expect(mapGoOutPurchase(purchase())).toMatchObject({ vokativ: 'Jano', gender: 'female', nameday: '05-24' });
    });

    it.each<[string, PurchaseOverrides]>([
      ['CZ', {}],
      ['SK', { buyer: { firstName: 'Peter', lastName: 'Horváth', country: 'SK', language: 'sk' } }],
      ['country unknown, language cs', { buyer: { country: null } }],
      ['foreign buyer', { buyer: { firstName: 'John', lastName: 'Smith', country: 'GB', language: 'en' } }],
    ])('%s: exactly what the locale module derives', (_name, overrides) => {
      const record = purchase(overrides);
      const subscriber = mapGoOutPurchase(record);
      const greeting = personalize({ firstName: subscriber.name ?? null, lastName: subscriber.surname ?? null, country: record.buyer.country, language: record.buyer.language });
      for (const key of ['vokativ', 'vokativ_s', 'gender', 'nameday'] as const) {
        expect(subscriber[key]).toEqual(greeting[key] || undefined);
      }
    });

    it('derives nothing for a foreign buyer', () => {
      const subscriber = mapGoOutPurchase(purchase({ buyer: { firstName: 'John', lastName: 'Smith', country: 'GB', language: 'en' } }));
      expect(subscriber.vokativ).toBeUndefined();
      expect(subscriber.nameday).toBeUndefined();
    });

    it('can be turned off', () => {
      const subscriber = mapGoOutPurchase(purchase(), plain);
      for (const key of ['vokativ', 'vokativ_s', 'gender', 'nameday']) expect(subscriber).not.toHaveProperty(key);
    });
  });
});

describe('GoOut consent policy', () => {
  const consenting = purchase();
  const refusing = purchase({ buyer: { newsletterConsent: false } });

  it('stores every buyer but tags and resubscribes only consenting ones', () => {
    expect(goOutConsentPolicy(consenting)).toEqual({ newsletterConsent: true, newsletterTag: true, mayResubscribe: true });
    expect(goOutConsentPolicy(refusing)).toEqual({ newsletterConsent: false, newsletterTag: false, mayResubscribe: false });
  });
});
