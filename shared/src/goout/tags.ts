/**
 * Tag naming for GoOut buyers, mirroring Ecomail's native GoOut sync (docs/goout.md §7): `GoOut`,
 * `GoOut_<web language>`, `GoOut_newsletter` only with consent, plus the purchased events' category
 * labels. The Ecomail mapper and the normaliser both call `goOutTags`, so the rule lives here only.
 */

/** Ecomail rejects longer tags. */
const MAX_TAG_LENGTH = 50;

/**
 * Category label → tag: trimmed, lower-cased, inner whitespace runs → `_`, at most 50 characters.
 * Ecomail's own examples are lower-case single words ("drama", "storytelling"); diacritics are kept.
 */
export function goOutCategoryTag(label: string): string | null {
  const tag = label.trim().toLowerCase().replace(/\s+/g, '_').slice(0, MAX_TAG_LENGTH);
  return tag === '' ? null : tag;
}

export interface GoOutTagInput {
  language: string | null;
  newsletterConsent: boolean;
  /** Category labels of the purchased events, raw. */
  categories?: readonly string[];
}

export function goOutTags(input: GoOutTagInput): string[] {
  const tags = ['GoOut'];
  const language = input.language?.trim().toLowerCase();
  if (language) tags.push(`GoOut_${language}`);
  if (input.newsletterConsent === true) tags.push('GoOut_newsletter');
  for (const label of input.categories ?? []) {
    const tag = goOutCategoryTag(label);
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** Derived tags of a (normalised) purchase: buyer language and consent plus every item's event tags. */
export function goOutDerivedTags(purchase: {
  buyer: { language: string | null; newsletterConsent: boolean };
  items: ReadonlyArray<{ event: { tags: readonly string[] } | null }>;
}): string[] {
  return goOutTags({
    language: purchase.buyer.language,
    newsletterConsent: purchase.buyer.newsletterConsent,
    categories: purchase.items.flatMap((item) => item.event?.tags ?? []),
  });
}
