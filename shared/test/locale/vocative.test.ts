import { vocative } from '@ecomail-bridge/shared';
import { VOCATIVE_GROUPS, measureAccuracy } from './accuracy-cases';
import { VOKATIV_GROUPS } from './vokativ-lists';

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

describe('vocative on the vokativ package lists (a list our rules were not written from)', () => {
  test('all four lists are there: 400 names', () => {
    expect(VOKATIV_GROUPS.map((group) => group.cases.length)).toEqual([100, 100, 100, 100]);
  });

  test('400/400 right (letter case aside: the lists are lower case)', () => {
    const { total, misses } = measureAccuracy(VOKATIV_GROUPS, true);
    expect(total).toBe(400);
    expect(misses).toEqual([]);
  });
});

describe('vocative of names a rule used to get wrong', () => {
  test.each([
    ['Klaudius', 'Klaudie'],
    ['Július', 'Júlie'],
    ['Dárius', 'Dárie'],
    ['Julius', 'Julie'],
    ['Lev', 'Lve'],
  ])('Latin -ius and irregular first names: %s → %s', (name, expected) => {
    expect(vocative(name)).toBe(expected);
  });

  test.each([
    ['Švec', 'Šveci'],
    ['Horváth', 'Horváthe'],
    ['Lev', 'Leve'],
    ['Němec', 'Němče'],
  ])('surnames decline as surnames, not as the common noun: %s → %s', (name, expected) => {
    expect(vocative(name, { surname: true, gender: 'male' })).toBe(expected);
  });

  test.each([
    ['jAN', 'Jane'],
    ['mARIE', 'Marie'],
    ['pETR nOVÁK', 'Petře Nováku'],
  ])('typed with Caps Lock on: %j → %j, as ALL CAPS and all lower case are', (typed, expected) => {
    expect(vocative(typed)).toBe(expected);
    expect(vocative(typed.toUpperCase())).toBe(expected);
    expect(vocative(typed.toLowerCase())).toBe(expected);
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
