import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './first-names';
import { nameWords } from './name-words';
import type { Title } from './titles';

export interface PersonNameInput {
  firstName?: string | null;
  lastName?: string | null;
}

export interface PersonName {
  firstName: string | null;
  lastName: string | null;
  /** Titles before the name, e.g. "prof. MUDr." */
  pretitle: string | null;
  /** Titles after the name, e.g. "Ph.D. MBA" */
  surtitle: string | null;
}

const PARTICLES = /^(van|von|der|den|de|da|di|du|del|della|la|le|ten|ter|dos|das|zu)$/i;

function isKnownFirstName(word: string): boolean {
  const lower = word.split('-')[0].toLowerCase();
  return MALE_FIRST_NAMES.has(lower) || FEMALE_FIRST_NAMES.has(lower);
}

/**
 * A whole name typed into one field: given names first, the surname last (from a particle on:
 * "Jan van der Berg"). Two words typed surname first ("Novák Petr") are turned round when only
 * the second is a known first name.
 */
function splitFullName(words: readonly string[]): { first: string[]; last: string[] } {
  if (words.length === 2 && !isKnownFirstName(words[0]) && isKnownFirstName(words[1])) {
    return { first: [words[1]], last: [words[0]] };
  }
  const particle = words.findIndex((word, index) => index > 0 && PARTICLES.test(word));
  const surnameFrom = particle > 0 ? particle : words.length - 1;
  return { first: words.slice(0, surnameFrom), last: words.slice(surnameFrom) };
}

function joinTitles(titles: readonly Title[], position: Title['position']): string | null {
  if (titles.length === 0) return null;
  const texts = titles.filter((title) => title.position === position).map((title) => title.text);
  const unique = [...new Set(texts)];
  return unique.length > 0 ? unique.join(' ') : null;
}

function joinWords(words: readonly string[]): string | null {
  return words.length > 0 ? words.join(' ') : null;
}

/**
 * Cleans a typed name: spaces, case (ALL CAPS / all lower → proper case; mixed case kept), stray
 * punctuation, academic titles moved to pretitle/surtitle, and a full name typed into one field
 * while the other is empty split into first and last name.
 */
export function parsePersonName(input: PersonNameInput): PersonName {
  const first = nameWords(input.firstName);
  const last = nameWords(input.lastName);
  const titles = [...first.titles, ...last.titles];
  let firstWords = first.words;
  let lastWords = last.words;
  if (lastWords.length === 0 && firstWords.length >= 2) {
    ({ first: firstWords, last: lastWords } = splitFullName(firstWords));
  } else if (firstWords.length === 0 && lastWords.length >= 2) {
    ({ first: firstWords, last: lastWords } = splitFullName(lastWords));
  }
  return {
    firstName: joinWords(firstWords),
    lastName: joinWords(lastWords),
    pretitle: joinTitles(titles, 'pre'),
    surtitle: joinTitles(titles, 'post'),
  };
}
