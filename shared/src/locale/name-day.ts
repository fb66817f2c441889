import { CZECH_NAME_DAYS } from './name-days-cz';
import { SLOVAK_NAME_DAYS } from './name-days-sk';
import { nameWords } from './name-words';
import { foldName } from './text';

/** Look-ups into one calendar: exact, then case-insensitive, then without diacritics when unique. */
interface NameDayIndex {
  readonly byLowerCase: ReadonlyMap<string, string>;
  /** Folded key → date; `null` when two calendar names fold to the same key on different days. */
  readonly byFolded: ReadonlyMap<string, string | null>;
}

function indexCalendar(calendar: Readonly<Record<string, readonly string[]>>): NameDayIndex {
  const byLowerCase = new Map<string, string>();
  const byFolded = new Map<string, string | null>();
  for (const [date, names] of Object.entries(calendar)) {
    for (const name of names) {
      byLowerCase.set(name.toLowerCase(), date);
      const folded = foldName(name);
      const known = byFolded.get(folded);
      byFolded.set(folded, known === undefined || known === date ? date : null);
    }
  }
  return { byLowerCase, byFolded };
}

const CZECH_INDEX = indexCalendar(CZECH_NAME_DAYS);
const SLOVAK_INDEX = indexCalendar(SLOVAK_NAME_DAYS);

function lookUp(index: NameDayIndex, name: string): string | undefined {
  return index.byLowerCase.get(name.toLowerCase()) ?? index.byFolded.get(foldName(name)) ?? undefined;
}

/**
 * Name day 'MM-DD' of a first name: the Slovak calendar for country 'SK', else the Czech one.
 * Only names printed in the calendar get a date (never a guess). For a double or hyphenated first
 * name ("Jan Pavel", "Anna-Marie") the first given name counts, as people usually celebrate it.
 */
export function nameDay(firstName: string, country: string = 'CZ'): string | undefined {
  const index = country.trim().toUpperCase() === 'SK' ? SLOVAK_INDEX : CZECH_INDEX;
  const [first] = nameWords(firstName).words;
  if (first === undefined) return undefined;
  return lookUp(index, first) ?? lookUp(index, first.split('-')[0]);
}
