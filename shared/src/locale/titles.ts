/**
 * Academic titles as people type them: any case, with or without dots and spaces ("ing", "Ph. D.",
 * "phd", "Ing.arch."). Each title is stored once in its normalised Czech spelling and recognised
 * by a key of its letters only.
 */

/** Titles written before the name (Czech/Slovak usage). */
const PRE_TITLES = [
  'Bc.', 'BcA.', 'Mgr.', 'MgA.', 'Mgr. art.', 'Ing.', 'Ing. arch.', 'Dipl.-Ing.', 'MUDr.', 'MVDr.',
  'MDDr.', 'PharmDr.', 'JUDr.', 'PhDr.', 'RNDr.', 'ThDr.', 'ThLic.', 'ThMgr.', 'PaedDr.', 'RSDr.',
  'PhMr.', 'ICDr.', 'ICLic.', 'akad. mal.', 'akad. soch.', 'doc.', 'prof.', 'Dr.',
] as const;

/** Titles written after the name. "MA"/"BA" are left out on purpose: they are also real names. */
const POST_TITLES = [
  'Ph.D.', 'Th.D.', 'ArtD.', 'CSc.', 'DrSc.', 'DSc.', 'DiS.', 'DiS. art.', 'MBA', 'MPA', 'DBA',
  'MPH', 'LL.M.', 'LL.B.', 'MSc.', 'BSc.', 'Dr. h. c.',
] as const;

export type TitlePosition = 'pre' | 'post';

export interface Title {
  readonly text: string;
  readonly position: TitlePosition;
}

const KEY_NOISE = /[.\s-]/g;

function titleKey(text: string): string {
  return text.toLowerCase().replace(KEY_NOISE, '');
}

const TITLES_BY_KEY: ReadonlyMap<string, Title> = new Map(
  [
    ...PRE_TITLES.map((text): Title => ({ text, position: 'pre' })),
    ...POST_TITLES.map((text): Title => ({ text, position: 'post' })),
  ].map((title) => [titleKey(title.text), title]),
);

/**
 * Every start of a title key ("p", "ph", "phd", …): a piece whose key starts no title begins no
 * title, whatever pieces follow it, so most name words are settled by one look-up.
 */
const KEY_STARTS: ReadonlySet<string> = new Set(
  [...TITLES_BY_KEY.keys()].flatMap((key) => Array.from({ length: key.length }, (_, i) => key.slice(0, i + 1))),
);

/** The longest title spans three typed pieces ("Dr. h. c."). */
const MAX_TITLE_PIECES = 3;

const PIECE_BREAKS = /[\s,;]+/;
const AFTER_GLUED_DOT = /(?<=\.)(?=\p{L})/u;

/** Text without dots, commas, semicolons or white space other than plain spaces splits at the spaces alone. */
function isPlainWords(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2e || code === 0x2c || code === 0x3b || code < 0x20 || code === 0xa0 || code >= 0x1680) return false;
  }
  return true;
}

/** Splits typed text into pieces: at spaces and commas, and after a dot glued to the next word. */
function splitPieces(text: string): string[] {
  const pieces = isPlainWords(text) ? text.split(' ') : text.split(PIECE_BREAKS).flatMap((piece) => piece.split(AFTER_GLUED_DOT));
  return pieces.includes('') ? pieces.filter((piece) => piece.length > 0) : pieces;
}

/** The title key of each piece; the key of several pieces is their keys joined. */
function pieceKeys(pieces: readonly string[]): string[] {
  return pieces.map((piece) => (/[.\s-]/.test(piece) ? titleKey(piece) : piece.toLowerCase()));
}

export interface TitledText {
  readonly titles: Title[];
  /** The remaining words, in order, still as typed. */
  readonly words: string[];
}

/** The longest title starting at `index`, with the number of pieces it spans. */
function titleAt(keys: readonly string[], index: number): { title: Title; count: number } | undefined {
  if (index >= keys.length || (keys[index] !== '' && !KEY_STARTS.has(keys[index]))) return undefined;
  for (let count = Math.min(MAX_TITLE_PIECES, keys.length - index); count >= 1; count--) {
    const title = TITLES_BY_KEY.get(keys.slice(index, index + count).join(''));
    if (title) return { title, count };
  }
  return undefined;
}

/** Separates academic titles from the words of a name. */
export function extractTitles(text: string): TitledText {
  const pieces = splitPieces(text);
  const keys = pieceKeys(pieces);
  const titles: Title[] = [];
  const words: string[] = [];
  let previousWasTitle = false;
  let index = 0;
  while (index < pieces.length) {
    // Two degrees of one kind are written "Mgr. et Mgr.", one title.
    const joined = previousWasTitle && pieces[index].toLowerCase() === 'et' ? titleAt(keys, index + 1) : undefined;
    if (joined) {
      const first = titles.pop() as Title;
      titles.push({ text: `${first.text} et ${joined.title.text}`, position: joined.title.position });
      index += 1 + joined.count;
      continue;
    }
    const found = titleAt(keys, index);
    if (found) titles.push(found.title);
    else words.push(pieces[index]);
    previousWasTitle = found !== undefined;
    index += found ? found.count : 1;
  }
  return { titles, words };
}
