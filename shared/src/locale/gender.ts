import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './first-names';
import { nameWords } from './name-words';
import { foldName } from './text';

export type Gender = 'male' | 'female';

const FOLDED_MALE = new Set([...MALE_FIRST_NAMES].map(foldName));
const FOLDED_FEMALE = new Set([...FEMALE_FIRST_NAMES].map(foldName));

function fromTable(name: string): Gender | undefined {
  const lower = name.toLowerCase();
  if (MALE_FIRST_NAMES.has(lower)) return 'male';
  if (FEMALE_FIRST_NAMES.has(lower)) return 'female';
  // Typed without diacritics ("Jiri", "Sarka"): trust the table only when it is unambiguous.
  const folded = foldName(name);
  const male = FOLDED_MALE.has(folded);
  const female = FOLDED_FEMALE.has(folded);
  if (male !== female) return male ? 'male' : 'female';
  return undefined;
}

/**
 * Czech/Slovak endings for names the table does not know: -a and -e/-ě/-ie are female, -o and a
 * consonant male; -i, -y, -u and long vowels say too little, so no answer.
 */
function fromEnding(name: string): Gender | undefined {
  const last = name.slice(-1).toLowerCase();
  if (last === 'a' || last === 'e' || last === 'ě') return 'female';
  if (last === 'o') return 'male';
  if (/^[\p{L}]$/u.test(last) && !/[aáeéěiíoóuúůyý]/.test(last)) return 'male';
  return undefined;
}

/** Only the first given name counts ("Ing. Anna-Marie" → "Anna", "Jan Pavel" → "Jan"). */
function firstGivenName(firstName: string): string {
  const [first] = nameWords(firstName).words;
  if (first === undefined) return '';
  return first.includes('-') ? first.split('-')[0] : first;
}

/** Gender of a first name: from the name table, then from its ending; `undefined` if unknown. */
export function detectGender(firstName: string): Gender | undefined {
  const name = firstGivenName(firstName);
  if (name.length < 2) return undefined;
  return fromTable(name) ?? fromEnding(name);
}

/** Czech/Slovak female surnames end in -á ("Nováková", "Černá"); male forms say nothing certain. */
export function genderFromSurname(surname: string): Gender | undefined {
  return /á$/i.test(surname.trim()) ? 'female' : undefined;
}
