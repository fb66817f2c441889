/**
 * How our tag and field names become names GetResponse accepts (docs/getresponse.md §5.1).
 * Deterministic: the same source name always gives the same GetResponse name, so a tag created
 * in one run is found, not created again, in the next.
 */

/** GetResponse's rule for tag names. */
export const TAG_NAME_PATTERN = /^[_a-zA-Z0-9]{2,64}$/;
const MAX_TAG_NAME = 64;
/** Our own cap for custom-field names [A]: GetResponse publishes the characters, not a length. */
const MAX_FIELD_NAME = 64;

/** Letters that carry no combining mark, so NFD alone does not fold them (Polish ł, Nordic ø …). */
const UNFOLDED: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ħ: 'h', ı: 'i' };

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁøØđĐßæÆœŒħı]/g, (char) => UNFOLDED[char]);
}

/** Diacritics off, every run of other characters one `_`, no `_` at either end. */
function slug(text: string): string {
  return fold(text.trim())
    .replace(/[^_a-zA-Z0-9]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable stand-in for a name with no Latin letter or digit. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Our tag → a GetResponse tag name: case kept (`GoOut_newsletter` stays), diacritics folded
 * (`činohra` → `cinohra`), anything outside `[_a-zA-Z0-9]` → `_` (`hudba a tanec` →
 * `hudba_a_tanec`), cut to 64 and padded to 2 characters; a tag with nothing left
 * (`音楽`) becomes `tag_` and a hash of it.
 */
export function getResponseTagName(tag: string): string {
  const name = slug(tag).slice(0, MAX_TAG_NAME).replace(/_+$/, '');
  if (name === '') return `tag_${shortHash(tag.trim())}`;
  return name.length < 2 ? `${name}_` : name;
}

/**
 * Our field key → a GetResponse custom-field name: lower-case letters, digits and `_` only
 * (`goout_last_event` stays, `Věrnostní body` → `vernostni_body`); undefined when nothing is left.
 */
export function getResponseFieldName(key: string): string | undefined {
  const name = slug(key).toLowerCase().slice(0, MAX_FIELD_NAME).replace(/_+$/, '');
  return name === '' ? undefined : name;
}
