/**
 * What the Unicode regexes of the name clean-up answer for the characters names are typed in
 * (Basic Latin up to Latin Extended-B, U+0000–U+024F), worked out once at load from those same
 * regexes. The hot paths read these tables and fall back to the regexes for anything else, so
 * both paths give the same answers (docs/personalization.md, "Speed").
 */
export const TABLE_END = 0x250;

export interface CharTables {
  /** 1 where the character matches `\p{L}`. */
  readonly letter: Uint8Array;
  /** 1 where it matches `[\p{Script=Latin}'’]`. */
  readonly latin: Uint8Array;
  /** The character without diacritics: NFD with the combining marks U+0300–U+036F dropped. */
  readonly folded: readonly string[];
}

const TABLES: CharTables = (() => {
  const letter = new Uint8Array(TABLE_END);
  const latin = new Uint8Array(TABLE_END);
  const folded: string[] = [];
  for (let code = 0; code < TABLE_END; code++) {
    const char = String.fromCharCode(code);
    letter[code] = /^\p{L}$/u.test(char) ? 1 : 0;
    latin[code] = /^[\p{Script=Latin}'’]$/u.test(char) ? 1 : 0;
    folded[code] = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return { letter, latin, folded };
})();

/** The tables, for a module to keep in a constant of its own (a look-up per character must stay cheap). */
export function charTables(): CharTables {
  return TABLES;
}
