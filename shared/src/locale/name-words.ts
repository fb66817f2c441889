import { extractTitles, type Title } from './titles';
import { collapseSpaces, isUniformCase, properCaseWord } from './text';

/** Surname particles kept lower case inside a name ("Jan van der Berg"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'ten', 'ter', 'dos', 'das', 'zu',
]);

/** A lone dash between two words joins them ("Nováková - Dvořáková" → "Nováková-Dvořáková"). */
const DASH_WORD = /^[-‐‑–—]+$/;

/**
 * Strips stray punctuation around a word (trailing commas, quotes, brackets); keeps inner hyphens
 * and apostrophes, and the dot of an initial ("K.").
 */
function stripStrayPunctuation(word: string): string {
  const inner = word.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  return /^\p{L}\.$/u.test(word.replace(/^[^\p{L}]+/u, '')) ? `${inner}.` : inner;
}

/**
 * Proper case for a word typed in one case. A particle keeps what was typed when the rest of the
 * name shows the person's own casing ("van der Berg"); in a name typed all in one case it is lower
 * case except at the start ("JAN VAN DER BERG" → "Jan van der Berg").
 */
function caseWord(word: string, isFirst: boolean, typedInOneCase: boolean): string {
  if (NAME_PARTICLES.has(word.toLowerCase()) && isUniformCase(word)) {
    if (!typedInOneCase) return word;
    if (!isFirst) return word.toLowerCase();
  }
  return properCaseWord(word);
}

export interface NameWords {
  readonly titles: Title[];
  /** Name words without titles and stray punctuation, proper-cased when typed in one case. */
  readonly words: string[];
}

/** Splits what someone typed into a name field into academic titles and clean name words. */
export function nameWords(text: string | null | undefined): NameWords {
  const { titles, words: typed } = extractTitles(collapseSpaces(text ?? ''));
  const joined: string[] = [];
  let joinNext = false;
  for (const piece of typed) {
    if (DASH_WORD.test(piece)) {
      joinNext = joined.length > 0;
      continue;
    }
    const word = stripStrayPunctuation(piece);
    if (word.length === 0) continue;
    if (joinNext) joined[joined.length - 1] += `-${word}`;
    else joined.push(word);
    joinNext = false;
  }
  const typedInOneCase = isUniformCase(joined.join(' '));
  return { titles, words: joined.map((word, index) => caseWord(word, index === 0, typedInOneCase)) };
}
