/**
 * The public name-day data sets our calendars are built from (fixtures/name-days/, sources and
 * revisions in docs/name-days.md), and the rule that turns them into one calendar per country.
 * Each file maps 'MM-DD' to the names printed on that day; holiday labels are not names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Calendar = Readonly<Record<string, readonly string[]>>;

export function readCalendar(file: string): Calendar {
  return JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'name-days', file), 'utf8')) as Calendar;
}

/** The published npm data set the Czech table starts from. */
export const CZ_PRIMARY = 'cz-namedays-cs-1.0.7.json';
/** Independent transcriptions of the Czech civil calendar that check it. */
export const CZ_CHECKS = ['cz-abalin.json', 'cz-segeda.json', 'cz-webchemistry.json', 'cz-muro.json', 'cz-sevcik.json'];

/** "name@MM-DD" → the files that print that name on that day. */
function votes(files: readonly string[]): Map<string, Set<string>> {
  const byPair = new Map<string, Set<string>>();
  for (const file of files) {
    for (const [date, names] of Object.entries(readCalendar(file))) {
      for (const name of names) {
        const key = `${name}@${date}`;
        byPair.set(key, (byPair.get(key) ?? new Set()).add(file));
      }
    }
  }
  return byPair;
}

/**
 * The Czech calendar: a name on a day is in when the primary data set prints it there or at least
 * two of the checks do; where sources put one name on different days, only the day(s) most
 * sources agree on stay (docs/name-days.md).
 */
export function czechCalendarFromSources(): Calendar {
  const byPair = votes([CZ_PRIMARY, ...CZ_CHECKS]);
  const accepted = [...byPair].filter(([, files]) => files.has(CZ_PRIMARY) || files.size >= 2);
  const best = new Map<string, number>();
  for (const [key, files] of accepted) {
    const name = key.split('@')[0];
    best.set(name, Math.max(best.get(name) ?? 0, files.size));
  }
  return toCalendar(accepted.filter(([key, files]) => files.size === best.get(key.split('@')[0])).map(([key]) => key));
}

/** The Slovak calendar: the 2017 official kalendárium plus the names added to it up to 2019. */
export function slovakCalendarFromSources(): Calendar {
  const pairs: string[] = [];
  for (const file of ['sk-kalendarium-2017.json', 'sk-additions-2019.json']) {
    for (const [date, names] of Object.entries(readCalendar(file))) pairs.push(...names.map((name) => `${name}@${date}`));
  }
  return toCalendar(pairs);
}

function toCalendar(pairs: readonly string[]): Calendar {
  const calendar: Record<string, string[]> = {};
  for (const pair of pairs) {
    const [name, date] = pair.split('@');
    (calendar[date] ??= []).push(name);
  }
  return calendar;
}

/** Every name with its days, sorted, for comparing calendars as sets. */
export function nameToDays(calendar: Calendar): Record<string, string[]> {
  const days: Record<string, string[]> = {};
  for (const [date, names] of Object.entries(calendar)) for (const name of names) (days[name] ??= []).push(date);
  for (const name of Object.keys(days)) days[name].sort();
  return days;
}
