/**
 * Category paths of the products in an order (docs/idosell.md §7). Order lines carry no category,
 * so products are looked up — once per distinct product per run, up to 100 in one search, never
 * once per order line — and kept in a bounded cache.
 */
import { LruCache } from '../goout/lru-cache';
import {
  IDOSELL_GATES,
  MENU_PATH_SEPARATOR,
  productsSearchParams,
  readCategories,
  readLanguage,
  readProducts,
  type RawCategory,
  type RawProduct,
} from './assumed-contract';
import type { IdoSellClient } from './client';
import { lookUpMissing } from './missing-lookup';

/** Which of IdoSell's classifications is "Category / Subcategory / Sub-subcategory" [U]. */
export type CategorySource = 'menu' | 'shopCategory';
export const DEFAULT_CATEGORY_SOURCE: CategorySource = 'menu';

/** A product's classifications, kept instead of one path so any buyer language can be answered. */
interface ProductInfo {
  categoryId: string | null;
  menus: Array<{ shopId: number | null; paths: Array<{ language: string | null; path: string[] }> }>;
}

/** A product the shop no longer has: remembered, so it is not asked for again. */
const NO_INFO: ProductInfo = { categoryId: null, menus: [] };

function text(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const cleaned = String(value).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

function productInfo(raw: RawProduct): ProductInfo {
  return {
    categoryId: text(raw.categoryId),
    menus: (raw.productMenu ?? []).map((menu) => ({
      shopId: Number.isFinite(Number(menu.shopId)) ? Number(menu.shopId) : null,
      paths: (menu.menuItemDescriptionsLangData ?? []).map((entry) => ({
        language: readLanguage(entry.langId),
        path: (text(entry.menuItemTextId) ?? '').split(MENU_PATH_SEPARATOR).map((level) => level.trim()).filter(Boolean),
      })),
    })),
  };
}

/** The entry in the wanted language, else the first one (the shop's default language). */
function inLanguage<T extends { language: string | null }>(entries: readonly T[], language: string | null): T | undefined {
  return entries.find((entry) => language !== null && entry.language === language) ?? entries[0];
}

export class CategoryPathResolver {
  private readonly products: LruCache<string, ProductInfo>;
  private tree: Map<string, RawCategory> | undefined;
  /** Product lookups sent this run (searches, not products). */
  lookups = 0;

  constructor(
    private readonly client: IdoSellClient,
    readonly source: CategorySource = DEFAULT_CATEGORY_SOURCE,
    cacheSize = 50_000,
  ) {
    this.products = new LruCache(cacheSize);
  }

  /** Looks up every product of `productIds` not yet known, in searches of up to 100. */
  async prefetch(productIds: Iterable<string>): Promise<void> {
    this.lookups += await lookUpMissing(this.products, productIds, NO_INFO, async (chunk) => {
      const found = readProducts(await this.client.post(IDOSELL_GATES.productsSearch, productsSearchParams(chunk)));
      return found.flatMap((raw): Array<[string, ProductInfo]> => {
        const id = text(raw.productId);
        return id ? [[id, productInfo(raw)]] : [];
      });
    });
    if (this.source === 'shopCategory' && !this.tree) {
      this.tree = new Map();
      for (const category of readCategories(await this.client.get(IDOSELL_GATES.categories))) {
        const id = text(category.id);
        if (id) this.tree.set(id, category);
      }
    }
  }

  /** The path of a product already prefetched, in `language` when the shop has it; [] when unknown. */
  path(productId: string, shopId: number | null, language: string | null): string[] {
    const info = this.products.get(productId) ?? NO_INFO;
    if (this.source === 'shopCategory') return this.categoryChain(info.categoryId, language);
    // A product in several menus: the first one of the order's shop.
    const menu = info.menus.find((entry) => shopId === null || entry.shopId === shopId) ?? info.menus[0];
    return menu ? [...(inLanguage(menu.paths, language)?.path ?? [])] : [];
  }

  private categoryChain(categoryId: string | null, language: string | null): string[] {
    const chain: string[] = [];
    const visited = new Set<string>();
    for (let id = categoryId; id && !visited.has(id); ) {
      visited.add(id);
      const category = this.tree?.get(id);
      if (!category) break;
      const names = (category.lang_data ?? []).map((entry) => ({ language: readLanguage(entry.lang_id), name: text(entry.singular_name) ?? text(entry.plural_name) }));
      const name = inLanguage(names, language)?.name;
      if (name) chain.unshift(name);
      const parent = text(category.parent_id);
      id = parent && parent !== '0' ? parent : null;
    }
    return chain;
  }
}
