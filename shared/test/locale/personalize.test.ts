import { personalize } from '@ecomail-bridge/shared';

describe('personalize', () => {
  test('Czech contact: vocatives, gender, Czech name day', () => {
    expect(personalize({ firstName: 'Petr', lastName: 'Novák', country: 'CZ' })).toEqual({
      vokativ: 'Petře',
      vokativ_s: 'Nováku',
      gender: 'male',
      nameday: '06-29',
    });
    expect(personalize({ firstName: 'Petra', lastName: 'Nováková', country: 'cz' })).toEqual({
      vokativ: 'Petro',
      vokativ_s: 'Nováková',
      gender: 'female',
      nameday: '08-17',
    });
  });

  test('names as typed: titles, caps, full name in one field', () => {
    expect(personalize({ firstName: 'ING. PETR NOVÁK', lastName: '', country: 'CZ' })).toEqual({
      vokativ: 'Petře',
      vokativ_s: 'Nováku',
      gender: 'male',
      nameday: '06-29',
    });
    expect(personalize({ firstName: 'MUDr. Jana', lastName: 'nováková, CSc.', country: 'CZ' })).toEqual({
      vokativ: 'Jano',
      vokativ_s: 'Nováková',
      gender: 'female',
      nameday: '05-24',
    });
    expect(personalize({ firstName: 'Jan Pavel', lastName: 'Dvořák', country: 'CZ' })).toMatchObject({
      vokativ: 'Jane Pavle',
      nameday: '06-24',
    });
  });

  test('a woman with a masculine-form surname keeps it', () => {
    expect(personalize({ firstName: 'Dagmar', lastName: 'Novák', country: 'CZ' })).toEqual({
      vokativ: 'Dagmar',
      vokativ_s: 'Novák',
      gender: 'female',
      nameday: '12-20',
    });
  });

  test('gender from a female surname when the first name says nothing', () => {
    expect(personalize({ firstName: 'Kiki', lastName: 'Nováková', country: 'CZ' })).toEqual({
      vokativ: 'Kiki',
      vokativ_s: 'Nováková',
      gender: 'female',
    });
  });

  test('Slovak contact: names in the nominative, Slovak name day', () => {
    expect(personalize({ firstName: 'PETER', lastName: 'Novák', country: 'SK' })).toEqual({
      vokativ: 'Peter',
      vokativ_s: 'Novák',
      gender: 'male',
      nameday: '06-29',
    });
    expect(personalize({ firstName: 'Jana', lastName: 'Nováková', country: 'SK' })).toMatchObject({ nameday: '08-21' });
  });

  test('no country: the language decides', () => {
    expect(personalize({ firstName: 'Petr', lastName: 'Novák', language: 'cs' })).toMatchObject({ vokativ: 'Petře', nameday: '06-29' });
    expect(personalize({ firstName: 'Petr', lastName: 'Novák', country: '', language: 'cs-CZ' })).toMatchObject({ vokativ: 'Petře' });
    expect(personalize({ firstName: 'Peter', country: null, language: 'sk' })).toEqual({ vokativ: 'Peter', gender: 'male', nameday: '06-29' });
  });

  test('anyone else gets nothing', () => {
    expect(personalize({ firstName: 'Petr', lastName: 'Novák', country: 'DE' })).toEqual({});
    expect(personalize({ firstName: 'Petr', lastName: 'Novák', country: 'DE', language: 'cs' })).toEqual({});
    expect(personalize({ firstName: 'Petr', lastName: 'Novák', language: 'en' })).toEqual({});
    expect(personalize({ firstName: 'Petr', lastName: 'Novák' })).toEqual({});
  });

  test('missing names give only what can be derived', () => {
    expect(personalize({ firstName: null, lastName: 'Novák', country: 'CZ' })).toEqual({ vokativ_s: 'Nováku' });
    expect(personalize({ firstName: 'Kevin', country: 'CZ' })).toEqual({ vokativ: 'Kevine', gender: 'male' });
    expect(personalize({ country: 'CZ' })).toEqual({});
  });
});
