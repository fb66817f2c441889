import { MAX_TAG_LENGTH, mergeTags } from '../ecomail/validation';
import type { ShopRecord } from '../idosell/types';

/** Seed 004's names for account holders and subscribers without an account; the user may pick others. */
export const DEFAULT_SHOP_SEGMENT_TAGS = { registered: 'rejestracja', newsletter: 'newsletter' } as const;
/** Category / Subcategory / Sub-subcategory: deeper levels are dropped. */
export const CATEGORY_TAG_LEVELS = 3;

export interface ShopTagOptions {
  /** Tag of customers with an account. Default `rejestracja`. */
  registeredTag?: string;
  /** Tag of newsletter subscribers without an account. Default `newsletter`. */
  newsletterTag?: string;
  /** One tag per level of each purchased product's category path. Default true. */
  categoryTags?: boolean;
}

const clean = (tag: string) => tag.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();

/**
 * The IdoSell tag set of one record (docs/idosell.md §7.3, §9): `IdoSell`, `IdoSell_<lang>`,
 * `IdoSell_newsletter` only with consent for that shop, the segment tag, and for a purchase the
 * first three levels of every product's category path (an order that is no purchase adds none).
 * Ecomail keeps diacritics and allows 50 characters a tag.
 */
export function shopTags(record: ShopRecord, consent: { newsletterTag: boolean }, options: ShopTagOptions = {}): string[] {
  const language = record.type === 'order' ? record.buyer.language : record.language;
  const tags = ['IdoSell'];
  if (language) tags.push(`IdoSell_${language}`);
  if (consent.newsletterTag) tags.push('IdoSell_newsletter');
  if (record.type === 'subscriber') tags.push(options.newsletterTag ?? DEFAULT_SHOP_SEGMENT_TAGS.newsletter);
  else if (record.buyer.registered) tags.push(options.registeredTag ?? DEFAULT_SHOP_SEGMENT_TAGS.registered);
  if (record.type === 'order' && record.isPurchase && options.categoryTags !== false) {
    for (const line of record.lines) tags.push(...line.categoryPath.slice(0, CATEGORY_TAG_LEVELS));
  }
  return mergeTags([], tags.map(clean).filter((tag) => tag !== ''));
}
