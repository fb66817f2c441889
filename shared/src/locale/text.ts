/** Small text helpers shared by the personalisation rules (no Intl, no globals: ES2021 only). */
import { CASE_BITS, charTables } from './latin';

const { end: TABLE_END, letter: LETTER, folded: FOLDED, casing: CASING } = charTables();
const { upChanges: CASE_UP_CHANGES, lowChanges: CASE_LOW_CHANGES, differ: CASE_DIFFER, unknown: CASE_UNKNOWN } = CASE_BITS;

/**
 * The casing bits of every character of `text` OR-ed together (latin.ts), or CASE_UNKNOWN when a
 * character is past the table or has a longer upper or lower case. Per character is enough: for
 * the table's characters both cases are one character each.
 */
function casingOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= TABLE_END) return CASE_UNKNOWN;
    bits |= CASING[code];
  }
  return bits;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-case letters without diacritics, for tolerant look-ups ("Jiří" → "jiri"). */
export function foldName(value: string): string {
  let folded = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= TABLE_END) return value.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    folded += code < 0x80 ? value[i] : FOLDED[code];
  }
  return folded.toLowerCase();
}

/** True when a word has letters and they are all upper case or all lower case. */
export function isUniformCase(word: string): boolean {
  const bits = casingOf(word);
  if ((bits & CASE_UNKNOWN) === 0) {
    if ((bits & CASE_DIFFER) === 0) return false;
    return (bits & CASE_UP_CHANGES) === 0 || (bits & CASE_LOW_CHANGES) === 0;
  }
  const upper = word.toUpperCase();
  const lower = word.toLowerCase();
  if (upper === lower) return false;
  return word === upper || word === lower;
}

/** `isUniformCase(words.join(' '))`, without joining when the table knows every character. */
export function isUniformCaseAll(words: readonly string[]): boolean {
  let bits = 0;
  for (const word of words) bits |= casingOf(word);
  if ((bits & CASE_UNKNOWN) !== 0) return isUniformCase(words.join(' '));
  if ((bits & CASE_DIFFER) === 0) return false;
  return (bits & CASE_UP_CHANGES) === 0 || (bits & CASE_LOW_CHANGES) === 0;
}

/** A word starting in lower case with capitals after it ("jAN", "nOVÁK"): typed with Caps Lock on. */
function isCapsLockSlip(word: string): boolean {
  const first = word[0];
  if (first === undefined) return false;
  const bits = casingOf(word);
  if ((bits & CASE_UNKNOWN) === 0) return (CASING[word.charCodeAt(0)] & CASE_UP_CHANGES) !== 0 && (bits & CASE_LOW_CHANGES) !== 0;
  return first !== first.toUpperCase() && word !== word.toLowerCase();
}

/** Capitals after a hyphen or apostrophe, and at the start when it is a letter. */
const WORD_STARTS = /(^|[-'’])(\p{L})/gu;

/**
 * Proper case for a word typed ALL CAPS, all lower case or with Caps Lock on ("NOVÁK" → "Novák",
 * "o'neil" → "O'Neil", "anna-marie" → "Anna-Marie", "jAN" → "Jan"); other mixed case ("McDonald")
 * is the person's own spelling and stays.
 */
export function properCaseWord(word: string): string {
  if (!isUniformCase(word) && !isCapsLockSlip(word)) return word;
  const lower = word.toLowerCase();
  // One part starting with a Latin letter (nearly every name): no need for the regex.
  const first = lower.charCodeAt(0);
  if (first < TABLE_END && LETTER[first] === 1 && !/[-'’]/.test(lower)) return lower[0].toUpperCase() + lower.slice(1);
  return lower.replace(WORD_STARTS, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

const SPACES = /[\s\u00a0]+/g;

/** True when `value` has no white space but single plain spaces between other characters. */
function hasTidySpaces(value: string): boolean {
  let previousWasSpace = true; // a leading space is not tidy
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x20) {
      if (previousWasSpace) return false;
      previousWasSpace = true;
    } else {
      // Tabs, line breaks and the other Unicode spaces (all ≤ U+0020, U+00A0 or ≥ U+1680).
      if (code < 0x20 || code === 0xa0 || code >= 0x1680) return false;
      previousWasSpace = false;
    }
  }
  return !previousWasSpace || value.length === 0;
}

/** Trims and collapses every run of white space (incl. no-break spaces) into one space. */
export function collapseSpaces(value: string): string {
  if (hasTidySpaces(value)) return value;
  return value.replace(SPACES, ' ').trim();
}
