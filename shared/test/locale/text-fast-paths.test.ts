/**
 * The text helpers answer the usual names from character tables instead of Unicode regexes
 * (docs/personalization.md, "Speed"). These tests hold them to the regex definitions on every
 * character the tables cover and on strings that take each path.
 */
import { TABLE_END } from '../../src/locale/latin';
import { collapseSpaces, foldName, isUniformCase, isUniformCaseAll, properCaseWord } from '../../src/locale/text';

const byRegex = {
  foldName: (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(),
  collapseSpaces: (value: string) => value.replace(/[\s\u00a0]+/g, ' ').trim(),
  uniformCase: (word: string) => {
    const upper = word.toUpperCase();
    const lower = word.toLowerCase();
    return upper !== lower && (word === upper || word === lower);
  },
  /** The rule as first written: proper case for ALL CAPS, all lower and Caps-Lock words, else as typed. */
  properCaseWord: (word: string) => {
    const first = word[0];
    const capsLockSlip = first !== undefined && first !== first.toUpperCase() && word !== word.toLowerCase();
    if (!byRegex.uniformCase(word) && !capsLockSlip) return word;
    return word.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
  },
};

const everyTableChar = Array.from({ length: TABLE_END }, (_, code) => String.fromCharCode(code));
const samples = [
  'Jiří', 'ŽOFIE', 'ľubomír', 'Ærøskøbing', 'İsmail', 'ΣΟΦΙΑ', 'Олег', 'e\u0301va', '𝒜nna', 'ǅemal', 'ⅰvan', 'ßara',
  'anna-marie', "o'neil", 'o’brien', 'jAN', 'NOVÁK', 'x', '', ' ', '  Petr  Novák ', '\tPetr\nNovák', 'Petr\u00a0Novák',
  'Petr\u2003Novák', 'Petr\ufeff', 'Jan Pavel', 'Jan  Pavel', ' Jan', 'Jan ', '1st', '-jan', "'jan",
];

describe('text helpers agree with their regex definitions', () => {
  test('foldName and collapseSpaces, on every table character alone and inside a word, and on samples', () => {
    const texts = [...everyTableChar.map((char) => `a${char}b`), ...everyTableChar, ...samples];
    const differ = texts.filter((text) => foldName(text) !== byRegex.foldName(text) || collapseSpaces(text) !== byRegex.collapseSpaces(text));
    expect(texts).toHaveLength(2 * TABLE_END + samples.length);
    expect(differ).toEqual([]);
  });

  test('isUniformCase and properCaseWord, on words with every table character in each place, and on samples', () => {
    const words = [
      ...everyTableChar.flatMap((char) => [`${char}ana`, `${char}ANA`, `a${char}A`, `A${char}a`, `${char}`, `JAN${char}`]),
      ...samples,
      ...samples.map((text) => text.toLowerCase()),
      ...samples.map((text) => text.toUpperCase()),
    ];
    const differ = words.filter(
      (word) => isUniformCase(word) !== byRegex.uniformCase(word) || properCaseWord(word) !== byRegex.properCaseWord(word),
    );
    expect(words).toHaveLength(6 * TABLE_END + 3 * samples.length);
    expect(differ).toEqual([]);
  });

  test('isUniformCaseAll is isUniformCase of the words joined', () => {
    const names = [[], ['JAN'], ['JAN', 'NOVÁK'], ['Jan', 'NOVÁK'], ['jan', 'novák'], ['ßara', 'X'], ['ΣΟΦΙΑ', 'B'], ['1', '2'], ['Ǆ', 'ǆ']];
    const sets = [...names, ...everyTableChar.map((char) => ['JAN', char]), ...everyTableChar.map((char) => [char, 'jan'])];
    const differ = sets.filter((words) => isUniformCaseAll(words) !== byRegex.uniformCase(words.join(' ')));
    expect(differ).toEqual([]);
  });
});
