import { eventValue, typedContact } from '@ecomail-bridge/shared';

describe('typedContact: a contact entered field by field gets the GoOut clean-up', () => {
  it('splits titles, fixes case and fills vocative, gender and name day', () => {
    expect(typedContact({ email: ' Petr@Example.CZ ', name: 'ING. PETR', surname: 'NOVÁK, Ph.D.', country: 'CZ' })).toEqual({
      email: 'petr@example.cz',
      name: 'Petr',
      surname: 'Novák',
      pretitle: 'Ing.',
      surtitle: 'Ph.D.',
      country: 'CZ',
      vokativ: 'Petře',
      vokativ_s: 'Nováku',
      gender: 'male',
      nameday: '06-29',
    });
  });

  it('treats a contact without a country as Czech, greets Slovaks in the nominative and leaves others alone', () => {
    expect(typedContact({ email: 'a@example.cz', name: 'jana' })).toEqual({ email: 'a@example.cz', name: 'Jana', vokativ: 'Jano', gender: 'female', nameday: '05-24' });
    expect(typedContact({ email: 'b@example.sk', name: 'Peter', country: 'SK' }).vokativ).toBe('Peter');
    expect(typedContact({ email: 'c@example.de', name: 'Hans', country: 'DE' })).toEqual({ email: 'c@example.de', name: 'Hans', country: 'DE' });
  });

  it('keeps what the user typed for the greeting fields, and personalises nothing when turned off', () => {
    expect(typedContact({ email: 'a@example.cz', name: 'Petr', vokativ: 'Péťo', gender: 'male' }).vokativ).toBe('Péťo');
    expect(typedContact({ email: 'a@example.cz', name: 'PETR' }, { personalization: false })).toEqual({ email: 'a@example.cz', name: 'Petr' });
  });
});

describe('eventValue: one reading of an event value in every shell', () => {
  it.each<[unknown, unknown]>([
    ['123', '123'],
    [123, '123'],
    [' text ', 'text'],
    ['', undefined],
    [undefined, undefined],
    ['{"tickets":2}', { tickets: 2 }],
    ['[1,2]', [1, 2]],
    ['{broken', '{broken'],
    [{ a: 1 }, { a: 1 }],
  ])('%p → %p', (raw, expected) => {
    expect(eventValue(raw)).toEqual(expected);
  });
});
