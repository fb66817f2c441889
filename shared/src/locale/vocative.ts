import { detectGender, genderFromSurname, type Gender } from './gender';
import { charTables } from './latin';
import { nameWords } from './name-words';

export interface VocativeOptions {
  gender?: Gender;
  /** The name is a surname: female surnames never change ("Nováková", "paní Novák"). */
  surname?: boolean;
}

/**
 * First names whose vocative no rule gives (lower case). Surnames that are also common nouns
 * decline as surnames, not as the noun (Švec → Šveci, not ševče; Lev as a surname → Leve): see
 * docs/personalization.md.
 */
const IRREGULAR_FIRST_NAMES: ReadonlyMap<string, string> = new Map([['lev', 'lve']]);

/** -el names that lose the e when declined (Karel, Karla → Karle). */
const MOVABLE_E_EL: ReadonlySet<string> = new Set(['karel', 'pavel', 'havel', 'kozel', 'orel']);

/** Names in -l declined like "muž" (Král, Krále → Králi); others in -l follow "pán" (Michale). */
const SOFT_L: ReadonlySet<string> = new Set(['král', 'marcel', 'anděl']);

const VOWELS = 'aáeéěiíoóuúůyý';
/** ň, ď, ť are written n, d, t before i ("Bartoň" → "Bartoni"). */
const HARD_BEFORE_I: Readonly<Record<string, string>> = { 'ň': 'n', 'ď': 'd', 'ť': 't' };
/** n, d, t before ě are soft; when the ě drops they keep it as ň, ď, ť ("Zdeněk" → "Zdeňku"). */
const SOFTENED: Readonly<Record<string, string>> = { n: 'ň', d: 'ď', t: 'ť' };

function isVowel(letter: string | undefined): boolean {
  return letter !== undefined && VOWELS.includes(letter);
}

const { end: TABLE_END, letter: LETTER, latin: LATIN } = charTables();

function isLetter(letter: string): boolean {
  const code = letter.charCodeAt(0);
  return code < TABLE_END ? LETTER[code] === 1 : /\p{L}/u.test(letter);
}

function isConsonant(letter: string | undefined): boolean {
  return letter !== undefined && isLetter(letter) && !isVowel(letter);
}

const LATIN_WORD = /^[\p{Script=Latin}'’]+$/u;

/** `LATIN_WORD.test(word)`, from the table for the usual letters (latin.ts). */
function isLatinWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= TABLE_END) return LATIN_WORD.test(word);
    if (LATIN[code] !== 1) return false;
  }
  return word.length > 0;
}

/** How a word's end changes: drop `cut` letters, then append `add`. */
interface EndingChange {
  readonly cut: number;
  readonly add: string;
}

const UNCHANGED: EndingChange = { cut: 0, add: '' };

/** Vocative ending of a masculine name (first name or surname), from its lower-case form. */
function masculineEnding(lower: string): EndingChange {
  const n = lower.length;
  const last = lower[n - 1];
  const before = lower[n - 2];
  if (last === 'a') return { cut: 1, add: 'o' };
  if (isVowel(last)) return UNCHANGED; // Jiří, Veselý, Hugo, René, Janů
  // Latin -ius names decline without -us: Julius, Julia, … Julie! (Klaudius → Klaudie, Dárius → Dárie)
  if (n >= 4 && lower.endsWith('ius')) return { cut: 2, add: 'e' };
  // Hungarian -th after a long vowel is a plain t (Horváth → Horváthe).
  if (n >= 4 && lower.endsWith('th') && 'áéíóú'.includes(lower[n - 3])) return { cut: 0, add: 'e' };
  // Spellings Czech endings do not fit ("Andrew", "Keith"): better unchanged than garbled.
  if (last === 'w' || last === 'q' || lower.endsWith('th')) return UNCHANGED;
  if (lower.endsWith('el')) {
    if (MOVABLE_E_EL.has(lower)) return { cut: 2, add: 'le' };
    // Daniel, Samuel, Michael, Rafael: the -el after a vowel is soft.
    return SOFT_L.has(lower) || isVowel(lower[n - 3]) ? { cut: 0, add: 'i' } : { cut: 0, add: 'e' };
  }
  if (last === 'l') return SOFT_L.has(lower) ? { cut: 0, add: 'i' } : { cut: 0, add: 'e' };
  if (n >= 4 && lower.endsWith('ěk')) {
    const soft = SOFTENED[lower[n - 3]];
    return soft ? { cut: 3, add: `${soft}ku` } : { cut: 2, add: 'ku' };
  }
  if (n >= 4 && lower.endsWith('ek') && isConsonant(lower[n - 3])) return { cut: 2, add: 'ku' };
  if (n >= 4 && lower.endsWith('ec')) {
    // Němec, Němce → Němče. Where the e cannot drop (Kadlec, Kadlece) the name declines like "muž": Kadleci.
    return isConsonant(lower[n - 3]) && isVowel(lower[n - 4]) ? { cut: 2, add: 'če' } : { cut: 0, add: 'i' };
  }
  if (last === 'k' || last === 'h' || last === 'g') return { cut: 0, add: 'u' };
  const hard = HARD_BEFORE_I[last];
  if (hard) return { cut: 1, add: `${hard}i` };
  // Short native words in -s decline hard (Hus → Huse); names in -is/-us/-as soft (Denisi, Klausi).
  if (last === 's' && n <= 3) return { cut: 0, add: 'e' };
  if ('šžčřcjsxz'.includes(last)) return { cut: 0, add: 'i' };
  if (last === 'r') return isConsonant(before) ? { cut: 1, add: 'ře' } : { cut: 0, add: 'e' };
  if ('bdfmnptv'.includes(last)) return { cut: 0, add: 'e' };
  return UNCHANGED;
}

function withCaseOf(word: string, replacement: string): string {
  const first = word[0];
  return first !== first.toLowerCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

/** Vocative of one name word (no spaces or hyphens), already in proper case. */
function vocativeOfWord(word: string, gender: Gender | undefined, surname: boolean): string {
  // Initials, numbers and scripts other than Latin stay as they are.
  if (word.length < 2 || !isLatinWord(word)) return word;
  const lower = word.toLowerCase();
  if (gender === 'female') {
    if (surname) return word;
    return lower.endsWith('a') ? `${word.slice(0, -1)}o` : word; // Dagmar, Marie, Noemi stay
  }
  const irregular = surname ? undefined : IRREGULAR_FIRST_NAMES.get(lower);
  if (irregular) return withCaseOf(word, irregular);
  const { cut, add } = masculineEnding(lower);
  return word.slice(0, word.length - cut) + add;
}

/** Vocative of one name word, part by part when hyphenated ("Anna-Marie" → "Anno-Marie"). */
function vocativeOfName(word: string, gender: Gender | undefined, surname: boolean): string {
  if (!word.includes('-')) return vocativeOfWord(word, gender, surname);
  return word.split('-').map((part) => vocativeOfWord(part, gender, surname)).join('-');
}

/** Gender of a typed first name, with a female surname typed into the same field as a hint. */
function genderOfFirstNames(words: readonly string[]): Gender | undefined {
  const surnameHint = words.length > 1 ? genderFromSurname(words[words.length - 1]) : undefined;
  return surnameHint ?? (words.length > 0 ? detectGender(words[0]) : undefined);
}

/**
 * Czech vocative (5th case) of a first name, or of a surname with `surname: true`. Titles, stray
 * punctuation and extra spaces are dropped; ALL CAPS or all lower case comes back in proper case;
 * each part of a double or hyphenated name is declined ("Jan Pavel" → "Jane Pavle").
 */
export function vocative(name: string, options: VocativeOptions = {}): string {
  const { words } = nameWords(name);
  const surname = options.surname === true;
  const gender = options.gender ?? (surname ? undefined : genderOfFirstNames(words));
  if (words.length === 1) return vocativeOfName(words[0], gender, surname);
  return words.map((word) => vocativeOfName(word, gender, surname)).join(' ');
}
