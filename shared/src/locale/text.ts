/** Small text helpers shared by the personalisation rules (no Intl, no globals: ES2021 only). */

/** Lower-case letters without diacritics, for tolerant look-ups ("Jiří" → "jiri"). */
export function foldName(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** True when a word has letters and they are all upper case or all lower case. */
export function isUniformCase(word: string): boolean {
  const upper = word.toUpperCase();
  const lower = word.toLowerCase();
  if (upper === lower) return false;
  return word === upper || word === lower;
}

/** A word starting in lower case with capitals after it ("jAN", "nOVÁK"): typed with Caps Lock on. */
function isCapsLockSlip(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toUpperCase() && word !== word.toLowerCase();
}

/**
 * Proper case for a word typed ALL CAPS, all lower case or with Caps Lock on ("NOVÁK" → "Novák",
 * "o'neil" → "O'Neil", "anna-marie" → "Anna-Marie", "jAN" → "Jan"); other mixed case ("McDonald")
 * is the person's own spelling and stays.
 */
export function properCaseWord(word: string): string {
  if (!isUniformCase(word) && !isCapsLockSlip(word)) return word;
  return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** Trims and collapses every run of white space (incl. no-break spaces) into one space. */
export function collapseSpaces(value: string): string {
  return value.replace(/[\s\u00a0]+/g, ' ').trim();
}
