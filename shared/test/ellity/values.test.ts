import { cleanText, normaliseDate, parseLenientNumber } from '@ecomail-bridge/shared';

describe('parseLenientNumber', () => {
  it.each<[unknown, number | null]>([
    [250, 250],
    ['250', 250],
    [' 12,5 ', 12.5],
    ['1 250,50', 1250.5],
    ['1\u00a0250', 1250],
    ['1\u202f250', 1250],
    ['1.250,50', 1250.5],
    ['1,250.50', 1250.5],
    ['1.250.000', 1250000],
    ['1,250,000', 1250000],
    ['-50', -50],
    ['+5', 5],
    ['0', 0],
    ['', null],
    ['   ', null],
    ['#customer.credit#', null],
    ['abc', null],
    ['12abc', null],
    [null, null],
    [undefined, null],
    [Number.NaN, null],
    [{}, null],
  ])('%p → %p', (input, expected) => {
    expect(parseLenientNumber(input)).toBe(expected);
  });
});

describe('cleanText and normaliseDate', () => {
  it.each<[unknown, string | null]>([
    ['  Gold ', 'Gold'],
    ['', null],
    ['#customer.tier.name#', null],
    [42, '42'],
    [['a'], null],
  ])('cleanText(%p) → %p', (input, expected) => expect(cleanText(input)).toBe(expected));

  it.each<[unknown, string | null]>([
    ['2026-12-31', '2026-12-31'],
    ['2026-12-31T00:00:00+01:00', '2026-12-31'],
    ['31.12.2026', '2026-12-31'],
    ['1. 2. 2027', '2027-02-01'],
    ['next week', 'next week'],
    ['#customer.nextExpiration.date#', null],
  ])('normaliseDate(%p) → %p', (input, expected) => expect(normaliseDate(input)).toBe(expected));
});
