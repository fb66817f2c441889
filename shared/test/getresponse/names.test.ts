import { TAG_NAME_PATTERN, contactParts, contactProblem, getResponseFieldName, getResponseTagName, normalizeDomain } from '@ecomail-bridge/shared';

describe('getResponseTagName', () => {
  it('keeps allowed names and case, folds diacritics and turns the rest into single underscores', () => {
    const cases: Array<[string, string]> = [
      ['GoOut_newsletter', 'GoOut_newsletter'],
      ['GoOut', 'GoOut'],
      ['GoOut_cs', 'GoOut_cs'],
      ['hudba a tanec', 'hudba_a_tanec'],
      ['činohra', 'cinohra'],
      ['stand-up comedy', 'stand_up_comedy'],
      ['Łódź – jazz & blues!', 'Lodz_jazz_blues'],
      ['  (děti)  ', 'deti'],
      ['x', 'x_'],
      ['a'.repeat(70), 'a'.repeat(64)],
    ];
    expect(cases.map(([tag]) => getResponseTagName(tag))).toEqual(cases.map(([, name]) => name));
  });

  it('gives a name with nothing Latin left a stable tag_<hash>, and every result matches GetResponse\u2019s rule', () => {
    expect(getResponseTagName('音楽')).toBe(getResponseTagName('音楽'));
    expect(getResponseTagName('音楽')).toMatch(/^tag_[0-9a-f]{8}$/);
    expect(getResponseTagName('音楽')).not.toBe(getResponseTagName('演劇'));
    for (const tag of ['音楽', '!!', 'ß', `${'x'.repeat(63)} y`, 'a-']) expect(getResponseTagName(tag)).toMatch(TAG_NAME_PATTERN);
  });
});

describe('getResponseFieldName', () => {
  it('is lower-case letters, digits and underscores, or nothing', () => {
    expect(['goout_last_event', 'Věrnostní body', 'ELLITY_credit', '***'].map(getResponseFieldName)).toEqual(['goout_last_event', 'vernostni_body', 'ellity_credit', undefined]);
  });
});

describe('normalizeDomain', () => {
  it('strips scheme, www., path and trailing slash; empty is no domain at all', () => {
    expect(['https://www.Example.com/', 'example.com', 'http://shop.example.cz/path?x=1', '  ', undefined].map(normalizeDomain)).toEqual([
      'example.com',
      'example.com',
      'shop.example.cz',
      undefined,
      undefined,
    ]);
  });
});

describe('contactParts', () => {
  it('joins name and surname, sends our fields under GetResponse names and leaves empty values out', () => {
    const parts = contactParts({
      email: 'jana@example.cz',
      name: 'Jana',
      surname: 'Nováková',
      vokativ: 'Jano',
      nameday: '05-24',
      zip: '60200',
      birthday: '1990-02-03',
      phone: '',
      custom_fields: { goout_last_event: 'Hamlet', 'Věrnostní body': 120, ellity_next_expiration_date: { value: '2026-12-31', type: 'date' }, empty: null },
      tags: ['GoOut', 'hudba a tanec', 'činohra', 'cinohra'],
    });
    expect(parts).toEqual({
      email: 'jana@example.cz',
      name: 'Jana Nováková',
      fields: new Map([
        ['vokativ', 'Jano'],
        ['nameday', '05-24'],
        ['postal_code', '60200'],
        ['birthdate', '1990-02-03'],
        ['goout_last_event', 'Hamlet'],
        ['vernostni_body', '120'],
        ['ellity_next_expiration_date', '2026-12-31'],
      ]),
      tags: ['GoOut', 'hudba_a_tanec', 'cinohra'],
    });
    expect(contactParts({ email: 'a@example.cz' })).toEqual({ email: 'a@example.cz', fields: new Map() });
  });

  it('refuses a bad e-mail, a field that cannot be named and two fields landing on one name', () => {
    expect(contactProblem({ email: 'nope' })).toBe('"nope" is not a valid e-mail address');
    expect(contactProblem({ email: 'a@example.cz', custom_fields: { '***': 'x' } })).toBe('custom field "***" has no letter or digit GetResponse can name a field with');
    expect(contactProblem({ email: 'a@example.cz', city: 'Brno', custom_fields: { City: 'Praha' } })).toBe(`"city" and "City" would both be GetResponse's field "city"`);
    expect(contactProblem({ email: 'a@example.cz', name: 'A', tags: ['x'] })).toBeUndefined();
  });
});
