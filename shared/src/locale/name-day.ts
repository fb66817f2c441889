import { CZECH_NAME_DAYS } from './name-days-cz';
import { SLOVAK_NAME_DAYS } from './name-days-sk';
import { nameWords } from './name-words';
import { foldName } from './text';

type Days = readonly string[];

/** Look-ups into one calendar: exact, then case-insensitive, then without diacritics when unique. */
interface NameDayIndex {
  readonly byLowerCase: ReadonlyMap<string, Days>;
  /** Folded key → days; `null` when two calendar names fold to the same key on different days. */
  readonly byFolded: ReadonlyMap<string, Days | null>;
}

const NO_DAYS: Days = [];

function sameDays(a: Days, b: Days): boolean {
  return a.length === b.length && a.every((day, i) => day === b[i]);
}

function indexCalendar(calendar: Readonly<Record<string, readonly string[]>>): NameDayIndex {
  const days = new Map<string, string[]>();
  for (const date of Object.keys(calendar).sort()) {
    for (const name of calendar[date]) days.set(name, [...(days.get(name) ?? []), date]);
  }
  const byLowerCase = new Map<string, Days>();
  const byFolded = new Map<string, Days | null>();
  for (const [name, dates] of days) {
    byLowerCase.set(name.toLowerCase(), dates);
    const folded = foldName(name);
    const known = byFolded.get(folded);
    byFolded.set(folded, known === undefined || (known !== null && sameDays(known, dates)) ? dates : null);
  }
  return { byLowerCase, byFolded };
}

const CZECH_INDEX = indexCalendar(CZECH_NAME_DAYS);
const SLOVAK_INDEX = indexCalendar(SLOVAK_NAME_DAYS);

function lookUp(index: NameDayIndex, name: string): Days | undefined {
  return index.byLowerCase.get(name.toLowerCase()) ?? index.byFolded.get(foldName(name)) ?? undefined;
}

/** The days of a first name's first given name ("Jan Pavel", "Anna-Marie" → Jan, Anna). */
function daysOf(firstName: string, country: string): Days {
  const index = country === 'SK' || (country !== 'CZ' && country.trim().toUpperCase() === 'SK') ? SLOVAK_INDEX : CZECH_INDEX;
  const [first] = nameWords(firstName).words;
  if (first === undefined) return NO_DAYS;
  return lookUp(index, first) ?? lookUp(index, first.split('-')[0]) ?? NO_DAYS;
}

/**
 * Every name day 'MM-DD' of a first name, in calendar order: the Slovak calendar for country 'SK',
 * else the Czech one; `[]` for a name the calendar does not print (never a guess). For a double or
 * hyphenated first name the first given name counts, as people usually celebrate it.
 */
export function nameDays(firstName: string, country: string = 'CZ'): string[] {
  return [...daysOf(firstName, country)];
}

/**
 * The one name day 'MM-DD' Ecomail's `nameday` holds. A name with two days gets the later one in
 * the calendar year (Petr → 29.6., Petr a Pavel, not 22.2.): see docs/name-days.md.
 */
export function nameDay(firstName: string, country: string = 'CZ'): string | undefined {
  const days = daysOf(firstName, country);
  return days[days.length - 1];
}
