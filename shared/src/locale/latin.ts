/**
 * What the Unicode regexes of the name clean-up answer for the characters names are typed in
 * (Basic Latin up to Latin Extended-B, U+0000–U+024F), worked out once at load from those same
 * regexes. The hot paths read these tables and fall back to the regexes for anything else, so
 * both paths give the same answers (docs/personalization.md, "Speed").
 */
export const TABLE_END = 0x250;

export interface CharTables {
  /** TABLE_END, for modules to keep as a local constant. */
  readonly end: number;
  /** 1 where the character matches `\p{L}`. */
  readonly letter: Uint8Array;
  /** 1 where it matches `[\p{Script=Latin}'’]`. */
  readonly latin: Uint8Array;
  /** The character without diacritics: NFD with the combining marks U+0300–U+036F dropped. */
  readonly folded: readonly string[];
  /**
   * How `toUpperCase` / `toLowerCase` treat the character (CASE_BITS): whether each changes it and
   * whether the two differ, or `unknown` where either gives more than one character (ß → SS).
   */
  readonly casing: Uint8Array;
}

/** `toUpperCase()` changes the character. */
const CASE_UP_CHANGES = 1;
/** `toLowerCase()` changes the character. */
const CASE_LOW_CHANGES = 2;
/** Its upper and lower case differ: the character has case. */
const CASE_DIFFER = 4;
/** Upper or lower case is longer than one character: ask the string methods. */
const CASE_UNKNOWN = 8;

/** The bits of `CharTables.casing`. */
export const CASE_BITS = { upChanges: CASE_UP_CHANGES, lowChanges: CASE_LOW_CHANGES, differ: CASE_DIFFER, unknown: CASE_UNKNOWN } as const;

const TABLES: CharTables = (() => {
  const letter = new Uint8Array(TABLE_END);
  const latin = new Uint8Array(TABLE_END);
  const folded: string[] = [];
  const casing = new Uint8Array(TABLE_END);
  for (let code = 0; code < TABLE_END; code++) {
    const char = String.fromCharCode(code);
    const upper = char.toUpperCase();
    const lower = char.toLowerCase();
    casing[code] =
      upper.length !== 1 || lower.length !== 1
        ? CASE_UNKNOWN
        : (upper !== char ? CASE_UP_CHANGES : 0) | (lower !== char ? CASE_LOW_CHANGES : 0) | (upper !== lower ? CASE_DIFFER : 0);
    letter[code] = /^\p{L}$/u.test(char) ? 1 : 0;
    latin[code] = /^[\p{Script=Latin}'’]$/u.test(char) ? 1 : 0;
    folded[code] = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return { end: TABLE_END, letter, latin, folded, casing };
})();

/**
 * The tables, for a module to keep in constants of its own: a look-up per character must stay
 * cheap, and an imported binding may cost a call per use once bundled.
 */
export function charTables(): CharTables {
  return TABLES;
}
