import { foldName } from '../locale/text';

/** Our cap [A]: SALESmanago publishes no tag length (docs/salesmanago.md §3.1). */
export const SALESMANAGO_TAG_MAX_LENGTH = 255;

/**
 * Our tag → a SALESmanago tag, by our normaliser [A] (docs/salesmanago.md §3.1): upper-case ASCII
 * without diacritics, every run of other characters one `_`, no `_` at either end, at most 255
 * characters. `GoOut_newsletter` → `GOOUT_NEWSLETTER`, `hudba a tanec` → `HUDBA_A_TANEC`.
 * Null when nothing is left (a tag of punctuation only).
 */
export function salesManagoTag(tag: string): string | null {
  const normal = foldName(tag)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, SALESMANAGO_TAG_MAX_LENGTH)
    .replace(/_+$/, '');
  return normal === '' ? null : normal;
}

/** Each tag normalised, repeats folded together, in first-seen order. */
export function salesManagoTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const normal = salesManagoTag(String(tag));
    if (normal) out.add(normal);
  }
  return [...out];
}
