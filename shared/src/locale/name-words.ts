import { extractTitles, type Title } from './titles';
import { charTables } from './latin';
import { collapseSpaces, isUniformCase, isUniformCaseAll, properCaseWord } from './text';

/** Surname particles kept lower case inside a name ("Jan van der Berg"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'ten', 'ter', 'dos', 'das', 'zu',
]);

/** A lone dash between two words joins them ("Nováková - Dvořáková" → "Nováková-Dvořáková"). */
const DASH_WORD = /^[-‐‑–—]+$/;

function isDash(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011 || code === 0x2013 || code === 0x2014;
}

const { end: TABLE_END, letter: LETTER } = charTables();

/** True when the code is below the table's end and a letter (see latin.ts). */
function isTableLetter(code: number): boolean {
  return code < TABLE_END && LETTER[code] === 1;
}

/**
 * Strips stray punctuation around a word (trailing commas, quotes, brackets); keeps inner hyphens
 * and apostrophes, and the dot of an initial ("K.").
 */
function stripStrayPunctuation(word: string): string {
  // Letters at both ends: nothing to strip (nearly every word).
  if (isTableLetter(word.charCodeAt(0)) && isTableLetter(word.charCodeAt(word.length - 1))) return word;
  const inner = word.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  return /^\p{L}\.$/u.test(word.replace(/^[^\p{L}]+/u, '')) ? `${inner}.` : inner;
}

/**
 * Proper case for a word typed in one case. A particle keeps what was typed when the rest of the
 * name shows the person's own casing ("van der Berg"); in a name typed all in one case it is lower
 * case except at the start ("JAN VAN DER BERG" → "Jan van der Berg").
 */
function caseWord(word: string, isFirst: boolean, typedInOneCase: boolean): string {
  if (isUniformCase(word) && NAME_PARTICLES.has(word.toLowerCase())) {
    if (!typedInOneCase) return word;
    if (!isFirst) return word.toLowerCase();
  }
  return properCaseWord(word);
}

export interface NameWords {
  readonly titles: readonly Title[];
  /** Name words without titles and stray punctuation, proper-cased when typed in one case. */
  readonly words: readonly string[];
}

function cleanNameWords(text: string): NameWords {
  const { titles, words: typed } = extractTitles(collapseSpaces(text));
  const joined: string[] = [];
  let joinNext = false;
  for (const piece of typed) {
    if (isDash(piece.charCodeAt(0)) && DASH_WORD.test(piece)) {
      joinNext = joined.length > 0;
      continue;
    }
    const word = stripStrayPunctuation(piece);
    if (word.length === 0) continue;
    if (joinNext) joined[joined.length - 1] += `-${word}`;
    else joined.push(word);
    joinNext = false;
  }
  const typedInOneCase = isUniformCaseAll(joined);
  return { titles, words: joined.map((word, index) => caseWord(word, index === 0, typedInOneCase)) };
}

/**
 * The last few answers. Each rule a contact's name feeds (clean-up, gender, vocative, name day)
 * cleans the same text again, and answering the repeats from here saves most of their cost. Small
 * on purpose: it serves one contact at a time, not a name cache (docs/personalization.md, "Speed").
 */
const RECENT = new Map<string, NameWords>();
const RECENT_SIZE = 16;

/** Splits what someone typed into a name field into academic titles and clean name words. */
export function nameWords(text: string | null | undefined): NameWords {
  const typed = text ?? '';
  const known = RECENT.get(typed);
  if (known !== undefined) return known;
  const result = cleanNameWords(typed);
  if (RECENT.size >= RECENT_SIZE) RECENT.clear();
  RECENT.set(typed, result);
  return result;
}
