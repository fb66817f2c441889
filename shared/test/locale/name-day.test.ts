import { nameDay, nameDays } from '@ecomail-bridge/shared';
import { CZECH_NAME_DAYS } from '../../src/locale/name-days-cz';
import { SLOVAK_NAME_DAYS } from '../../src/locale/name-days-sk';
import {
  CZ_CHECKS,
  CZ_PRIMARY,
  czechCalendarFromSources,
  nameToDays,
  readCalendar,
  slovakCalendarFromSources,
} from './name-day-sources';

describe('nameDay, Czech calendar', () => {
  test.each([
    ['Petr', '06-29'], ['Pavel', '06-29'], ['Jana', '05-24'], ['Jan', '06-24'], ['Marie', '09-12'],
    ['Josef', '03-19'], ['Tomáš', '03-07'], ['Eva', '12-24'], ['Adam', '12-24'], ['Karel', '11-04'],
    ['Lucie', '12-13'], ['Martin', '11-11'], ['Václav', '09-28'], ['Jiří', '04-24'], ['Petra', '08-17'],
    ['Michal', '09-29'], ['Lukáš', '10-18'], ['Jakub', '07-25'], ['Tereza', '10-15'], ['Anna', '07-26'],
    ['Kateřina', '11-25'], ['Ondřej', '11-30'], ['Vojtěch', '04-23'], ['Štěpán', '12-26'],
    ['Mikuláš', '12-06'], ['Zdeněk', '01-23'], ['Dagmar', '12-20'], ['Horymír', '02-29'],
    ['Silvestr', '12-31'], ['Hynek', '02-01'], ['Nikola', '11-20'],
  ])('%s → %s', (name, date) => {
    expect(nameDay(name)).toBe(date);
    expect(nameDay(name, 'CZ')).toBe(date);
  });

  test('case, spaces and missing diacritics match when unambiguous', () => {
    expect(nameDay('petr')).toBe('06-29');
    expect(nameDay('Ján')).toBe('06-24');
    expect(nameDay('  JIRI ')).toBe('04-24');
    expect(nameDay('Tomas')).toBe('03-07');
    expect(nameDay('Ing. Petr')).toBe('06-29');
  });

  test('double and hyphenated names use the first given name', () => {
    expect(nameDay('Jan Pavel')).toBe('06-24');
    expect(nameDay('Anna-Marie')).toBe('07-26');
  });

  test('names not in the calendar get nothing, and similar names are not mixed up', () => {
    expect(nameDay('Jana')).not.toBe(nameDay('Jan'));
    for (const name of ['Peter', 'Pavol', 'Saša', 'Kevin', 'Xyz', 'Janka', 'Matyáš', '', '   ']) {
      expect(nameDay(name)).toBeUndefined();
    }
  });
});

describe('nameDay, Slovak calendar', () => {
  test.each([
    ['Peter', '06-29'], ['Pavol', '06-29'], ['Petra', '06-29'], ['Ján', '06-24'], ['Mária', '09-12'],
    ['Jozef', '03-19'], ['Jana', '08-21'], ['Anna', '07-26'], ['Martin', '11-11'], ['Michal', '09-29'],
    ['Katarína', '11-25'], ['Juraj', '04-24'], ['Eva', '12-24'], ['Ľuboš', '09-24'], ['Lucia', '12-13'],
  ])('%s → %s', (name, date) => {
    expect(nameDay(name, 'SK')).toBe(date);
  });

  test('country code in any case; missing diacritics match, other spellings are not guessed', () => {
    expect(nameDay('peter', 'sk')).toBe('06-29');
    expect(nameDay('Jan', 'SK')).toBe('06-24');
    expect(nameDay('Lubos', 'SK')).toBe('09-24');
    expect(nameDay('Petr', 'SK')).toBeUndefined();
    expect(nameDay('Josef', 'SK')).toBeUndefined();
  });

  test('the current kalendárium: names added or moved since the old calendar', () => {
    expect(nameDay('Dobroslava', 'SK')).toBe('01-15');
    expect(nameDay('Drahomíra', 'SK')).toBe('07-16');
    expect(nameDay('Aneta', 'SK')).toBe('07-26');
    expect(nameDay('Sebastián', 'SK')).toBe('01-20');
    expect(nameDay('Mateo', 'SK')).toBe('02-24');
    expect(nameDay('Artur', 'SK')).toBe('01-05');
    expect(nameDay('Noel', 'SK')).toBe('12-21');
    expect(nameDay('Dušana', 'SK')).toBe('07-19');
  });

  test('other countries use the Czech calendar', () => {
    expect(nameDay('Petr', 'DE')).toBe('06-29');
  });
});

describe.each([
  ['CZ', CZECH_NAME_DAYS],
  ['SK', SLOVAK_NAME_DAYS],
])('%s calendar data', (_country, calendar) => {
  const entries = Object.entries(calendar).flatMap(([date, names]) => names.map((name) => [name, date] as const));

  test('covers the year with valid dates', () => {
    expect(Object.keys(calendar).length).toBeGreaterThanOrEqual(355);
    for (const date of Object.keys(calendar)) {
      const [month, day] = date.split('-').map(Number);
      expect(date).toMatch(/^\d\d-\d\d$/);
      expect(new Date(Date.UTC(2024, month - 1, day)).getUTCDate()).toBe(day);
    }
  });

  test('holds each name once a day', () => {
    const pairs = entries.map(([name, date]) => `${name}@${date}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});

describe('the calendars are the public data sets, name by name', () => {
  test('Czech: exactly the names and days the sources give by the documented rule', () => {
    expect(nameToDays(CZECH_NAME_DAYS)).toEqual(nameToDays(czechCalendarFromSources()));
    expect(Object.keys(nameToDays(CZECH_NAME_DAYS))).toHaveLength(390);
  });

  test('Czech: every name the primary data set prints is in, on its day', () => {
    const table = nameToDays(CZECH_NAME_DAYS);
    const missing = Object.entries(nameToDays(readCalendar(CZ_PRIMARY))).flatMap(([name, days]) =>
      days.filter((day) => !(table[name] ?? []).includes(day)).map((day) => `${name}@${day}`),
    );
    expect(missing).toEqual([]);
  });

  test('Czech: what the checks add or move, and only that', () => {
    const primary = nameToDays(readCalendar(CZ_PRIMARY));
    const table = nameToDays(CZECH_NAME_DAYS);
    const added = Object.entries(table).filter(([name, days]) => JSON.stringify(primary[name]) !== JSON.stringify(days));
    expect(Object.fromEntries(added)).toEqual({ Oliver: ['10-02'], Magdaléna: ['07-22'] });
    expect(CZ_CHECKS).toHaveLength(5);
  });

  test('Czech: the only name on two days is Petr', () => {
    const twoDays = Object.entries(nameToDays(CZECH_NAME_DAYS)).filter(([, days]) => days.length > 1);
    expect(twoDays).toEqual([['Petr', ['02-22', '06-29']]]);
  });

  test('Slovak: exactly the 2017 kalendárium and the names added up to 2019', () => {
    expect(nameToDays(SLOVAK_NAME_DAYS)).toEqual(nameToDays(slovakCalendarFromSources()));
    expect(Object.keys(nameToDays(SLOVAK_NAME_DAYS))).toHaveLength(426);
    expect(Object.values(nameToDays(SLOVAK_NAME_DAYS)).filter((days) => days.length > 1)).toEqual([]);
  });
});

describe('nameDays: every day of a name', () => {
  test('a name on two days gets both in calendar order; nameDay holds the later', () => {
    expect(nameDays('Petr')).toEqual(['02-22', '06-29']);
    expect(nameDays('petr', 'CZ')).toEqual(['02-22', '06-29']);
    expect(nameDay('Petr')).toBe('06-29');
  });

  test('one day, or none', () => {
    expect(nameDays('Jana')).toEqual(['05-24']);
    expect(nameDays('Vanesa')).toEqual(['05-24']);
    expect(nameDays('Xyz')).toEqual([]);
    expect(nameDays('')).toEqual([]);
    expect(nameDays('Peter', 'SK')).toEqual(['06-29']);
  });

  test('the answer is a copy: changing it changes nothing', () => {
    nameDays('Petr').push('12-31');
    expect(nameDays('Petr')).toEqual(['02-22', '06-29']);
  });
});
