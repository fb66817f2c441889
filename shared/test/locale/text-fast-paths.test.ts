/**
 * The text helpers answer the usual names from character tables instead of Unicode regexes
 * (docs/personalization.md, "Speed"). These tests hold them to the regex definitions on every
 * character the tables cover and on strings that take each path.
 */
import { TABLE_END } from '../../src/locale/latin';
import { collapseSpaces, foldName, properCaseWord } from '../../src/locale/text';

const byRegex = {
  foldName: (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(),
  collapseSpaces: (value: string) => value.replace(/[\s\u00a0]+/g, ' ').trim(),
  properCase: (lower: string) => lower.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase()),
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

  test('properCaseWord, on words starting with every table character, and on samples', () => {
    const words = [...everyTableChar.map((char) => `${char}ana`), ...samples.map((text) => text.toLowerCase())];
    const differ = words.filter((lower) => properCaseWord(lower) !== byRegex.properCase(lower));
    expect(differ).toEqual([]);
  });
});
