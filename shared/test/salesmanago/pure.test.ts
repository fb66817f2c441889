import { createHash } from 'node:crypto';
import {
  SALESMANAGO_EVENT_CAPS,
  normalizeSalesManagoEndpoint,
  orderEvent,
  salesManagoContactEvent,
  salesManagoContactProblem,
  salesManagoSha,
  salesManagoTag,
  salesManagoUpsert,
  trackedEvent,
} from '@ecomail-bridge/shared';
import { sha1Hex } from '../../src/salesmanago/sha1';

describe('SHA-1 of the v2 auth', () => {
  it('matches Node for empty, block-edge, long and non-ASCII input', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'k-7f2c' + 'ž€😀', 'x'.repeat(10_000)]) {
      expect(sha1Hex(text)).toBe(createHash('sha1').update(text).digest('hex'));
    }
  });

  it('hashes apiKey + clientId + apiSecret in that order', () => {
    expect(salesManagoSha({ apiKey: 'k-7f2c', clientId: 'abc123', apiSecret: 's3cr3t' })).toBe(createHash('sha1').update('k-7f2cabc123s3cr3t').digest('hex'));
  });
});

describe('endpoint', () => {
  it('stores the server without a trailing slash or /api, https by default', () => {
    expect(['app3.salesmanago.com', 'https://app3.salesmanago.com/', 'https://APP3.salesmanago.com/api', ' app3.salesmanago.com/api/ '].map(normalizeSalesManagoEndpoint)).toEqual([
      'https://app3.salesmanago.com',
      'https://app3.salesmanago.com',
      'https://app3.salesmanago.com',
      'https://app3.salesmanago.com',
    ]);
    expect(normalizeSalesManagoEndpoint('http://127.0.0.1:8790')).toBe('http://127.0.0.1:8790');
    expect(() => normalizeSalesManagoEndpoint('')).toThrow('endpoint is missing');
    expect(() => normalizeSalesManagoEndpoint('ftp://x y')).toThrow('is not a SALESmanago endpoint');
  });
});

describe('tags', () => {
  it('normalises to upper-case ASCII with single underscores, nothing left → null', () => {
    expect(['GoOut', 'GoOut_newsletter', 'hudba a tanec', 'Činohra', '  --x--y  ', '???', 'a'.repeat(300)].map(salesManagoTag)).toEqual([
      'GOOUT',
      'GOOUT_NEWSLETTER',
      'HUDBA_A_TANEC',
      'CINOHRA',
      'X_Y',
      null,
      'A'.repeat(255),
    ]);
  });
});

describe('contact upsert', () => {
  it('maps the canonical contact: one name, address, yyyyMMdd, properties, normalised tags, the consent flag given', () => {
    const upsert = salesManagoUpsert(
      {
        email: 'Jana@Example.cz',
        name: 'Jana',
        surname: 'Nováková',
        vokativ: 'Jano',
        city: 'Praha',
        zip: '11000',
        country: 'CZ',
        birthday: '1990-01-31',
        tags: ['GoOut', 'GoOut_cs', 'goout'],
        custom_fields: { ellity_credit_num: 120, ellity_next_expiration_date: { value: '2026-12-31', type: 'date' }, empty: null, blank: ' ' },
      },
      { forceOptIn: true },
    );
    expect(upsert).toEqual({
      contact: { email: 'jana@example.cz', name: 'Jana Nováková', address: { zipCode: '11000', city: 'Praha', country: 'CZ' } },
      birthday: '19900131',
      tags: ['GOOUT', 'GOOUT_CS'],
      properties: { vokativ: 'Jano', ellity_credit_num: '120', ellity_next_expiration_date: '2026-12-31' },
      forceOptIn: true,
      forceOptOut: false,
      forcePhoneOptIn: false,
      forcePhoneOptOut: false,
    });
  });

  it('refuses what SALESmanago could not take, with the reason', () => {
    expect([
      salesManagoContactProblem({ email: '' }),
      salesManagoContactProblem({ email: 'nope' }),
      salesManagoContactProblem({ email: 'a@example.cz', tags: ['ok', '!!!'] }),
      salesManagoContactProblem({ email: 'a@example.cz', birthday: '31.1.1990' }),
      salesManagoContactProblem({ email: 'a@example.cz', birthday: '1990-01-31', tags: ['x'] }),
    ]).toEqual([
      'e-mail is missing',
      '"nope" is not a valid e-mail address',
      'tag "!!!" has no letter or digit SALESmanago could keep',
      'birthday "31.1.1990" is not a date as YYYY-MM-DD',
      undefined,
    ]);
  });
});

describe('event caps', () => {
  it('cuts texts to their caps, keeps whole product ids and a value of at most 22 characters', () => {
    const event = salesManagoContactEvent({
      email: 'a@example.cz',
      type: 'PURCHASE',
      date: 1,
      description: 'd'.repeat(3000),
      products: Array.from({ length: 100 }, (_, i) => `product-${i}`),
      value: -1.2345678901234567e300,
      externalId: 'e'.repeat(300),
      details: ['x'.repeat(300), undefined, 'third', ...Array.from({ length: 30 }, () => 'more')],
    });
    expect(event.description).toHaveLength(SALESMANAGO_EVENT_CAPS.description);
    expect(event.externalId).toHaveLength(255);
    // Ten ids of 9 characters and 37 of 10, with commas: 506; one more would pass 512.
    expect(event.products).toBe(Array.from({ length: 47 }, (_, i) => `product-${i}`).join(','));
    expect(event.products).toHaveLength(506);
    expect(event.value).toBe(-1.23456789012346e300);
    expect(String(event.value)).toHaveLength(22);
    expect([event.detail1!.length, event.detail2, event.detail3, event.detail20, event.detail21]).toEqual([255, undefined, 'third', 'more', undefined]);
  });

  it('rounds amounts to cents and never cuts a surrogate pair in half', () => {
    expect(salesManagoContactEvent({ email: 'a@example.cz', type: 'OTHER', date: 1, value: 0.1 + 0.2 }).value).toBe(0.3);
    const emoji = salesManagoContactEvent({ email: 'a@example.cz', type: 'OTHER', date: 1, location: `${'x'.repeat(254)}😀` });
    expect(emoji.location).toBe('x'.repeat(254));
  });
});

describe('orders and tracked events as external events', () => {
  const order = {
    transaction: { order_id: 'p1', email: 'a@example.cz', amount: 780, timestamp: 1781453000, shop: 'goout', status: 'canceled' as const },
    transaction_items: [
      { code: 's-1', title: 'Hamlet — Standard', categories: ['drama'], price: 390, amount: 2 },
      { code: 's-2', title: 'Jazz', category: 'koncert', price: 0, amount: 1 },
    ],
  };

  it('makes a cancelled order a CANCELLATION that names the purchase by externalId', () => {
    expect(orderEvent(order, 5)).toEqual({
      email: 'a@example.cz',
      type: 'CANCELLATION',
      date: 1781453000000,
      externalId: 'p1',
      value: 780,
      location: 'goout',
      products: ['s-1', 's-2'],
      details: ['Hamlet — Standard,Jazz', '2026-06-14T16:03:20.000Z', 'drama,koncert'],
      eventId: undefined,
    });
    expect(orderEvent({ ...order, transaction: { ...order.transaction, status: 'completed', timestamp: undefined } }, 5)).toMatchObject({ type: 'PURCHASE', date: 5 });
  });

  it('makes a tracked event OTHER: description from its parts, numbers of an object value as details', () => {
    expect(trackedEvent({ email: 'a@example.cz', category: 'ellity', action: 'change', label: 'credit', value: { credit: 120, delta: 20 } }, 9)).toEqual({
      email: 'a@example.cz',
      type: 'OTHER',
      date: 9,
      description: 'ellity:change:credit',
      details: ['credit=120', 'delta=20'],
    });
    expect(trackedEvent({ email: 'a@example.cz', category: 'shop', value: '12.5' }, 9)).toEqual({ email: 'a@example.cz', type: 'OTHER', date: 9, description: 'shop', value: 12.5 });
  });
});
