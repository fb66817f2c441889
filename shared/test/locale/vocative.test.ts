import { vocative } from '@ecomail-bridge/shared';
import { VOCATIVE_GROUPS, measureAccuracy } from './accuracy-cases';

describe('vocative of common Czech names', () => {
  for (const group of VOCATIVE_GROUPS) {
    test.each(group.cases)(`${group.label}: %s → %s`, (name, expected) => {
      expect(vocative(name, group.options)).toBe(expected);
    });
  }

  test('the list is broad and fully right', () => {
    const { total, misses } = measureAccuracy();
    expect(total).toBeGreaterThanOrEqual(200);
    expect(misses).toEqual([]);
  });
});

describe('vocative without explicit gender', () => {
  test.each([
    ['Nováková', 'Nováková'],
    ['Černá', 'Černá'],
    ['Novák', 'Nováku'],
    ['Svoboda', 'Svobodo'],
    ['Veselý', 'Veselý'],
  ])('surname %s → %s', (name, expected) => {
    expect(vocative(name, { surname: true })).toBe(expected);
  });

  test('a female surname in a masculine form stays for a woman', () => {
    expect(vocative('Novák', { surname: true, gender: 'female' })).toBe('Novák');
  });

  test('gender decides for first names ending in a consonant', () => {
    expect(vocative('Dagmar')).toBe('Dagmar');
    expect(vocative('Dagmar', { gender: 'male' })).toBe('Dagmare');
  });
});

describe('vocative of names as people type them', () => {
  test.each([
    ['PETR', 'Petře'],
    ['jana', 'Jano'],
    ['  Tomáš  ', 'Tomáši'],
    ['Ing. Petr', 'Petře'],
    ['ing petr', 'Petře'],
    ['Mgr.Jana', 'Jano'],
    ['MUDr. Jana Nováková, CSc.', 'Jano Nováková'],
    ['Jan Pavel', 'Jane Pavle'],
    ['Jan   Pavel', 'Jane Pavle'],
    ['Anna-Marie', 'Anno-Marie'],
    ['ANNA-MARIE', 'Anno-Marie'],
    ['Jana Marie', 'Jano Marie'],
    ['Petr,', 'Petře'],
    ['"Petr"', 'Petře'],
    ['Petr Novák', 'Petře Nováku'],
    ['Kim Nováková', 'Kim Nováková'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (typed, expected) => {
    expect(vocative(typed)).toBe(expected);
  });

  test.each([
    ['Novák Ph.D.', 'Nováku'],
    ['NOVÁK', 'Nováku'],
    ['novák, CSc.', 'Nováku'],
    ['Novák-Dvořák', 'Nováku-Dvořáku'],
    ['Nováková-Dvořáková', 'Nováková-Dvořáková'],
    ['McDonald', 'McDonalde'],
  ])('surname %j → %j', (typed, expected) => {
    expect(vocative(typed, { surname: true })).toBe(expected);
  });

  test.each([
    ['Andrew', 'Andrew'],
    ['Keith', 'Keith'],
    ['Mike', 'Mike'],
    ['Jimmy', 'Jimmy'],
    ['Kevin', 'Kevine'],
    ['Thomas', 'Thomasi'],
    ['J.', 'J.'],
    ['Олег', 'Олег'],
    ['李', '李'],
  ])('foreign or unusual %j → %j (rule-based or unchanged, never garbage)', (typed, expected) => {
    expect(vocative(typed)).toBe(expected);
  });
});
