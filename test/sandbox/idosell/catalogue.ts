/**
 * The sandbox shop's catalogue: a category tree three levels deep (one branch only two), named in
 * Czech and Polish, the same tree as menu items per shop, and products in its leaves.
 */

export interface SandboxCategory {
  id: number;
  parentId: number;
  names: { cze: string; pol: string };
}

export interface SandboxProduct {
  id: number;
  code: string;
  names: { cze: string; pol: string };
  categoryId: number;
  /** Gross unit price per shop currency. */
  price: { CZK: number; PLN: number };
}

const TREE: Array<[id: number, parent: number, cze: string, pol: string]> = [
  [10, 0, 'Oblečení', 'Odzież'],
  [11, 10, 'Dámské', 'Damska'],
  [111, 11, 'Šaty', 'Sukienki'],
  [112, 11, 'Trička', 'Koszulki'],
  [12, 10, 'Pánské', 'Męska'],
  [121, 12, 'Košile', 'Koszule'],
  [122, 12, 'Kalhoty', 'Spodnie'],
  [20, 0, 'Domácnost', 'Dom'],
  [21, 20, 'Kuchyně', 'Kuchnia'],
  [211, 21, 'Hrnce a pánve', 'Garnki i patelnie'],
  [212, 21, 'Nože', 'Noże'],
  [30, 0, 'Elektronika', 'Elektronika'],
  [31, 30, 'Audio', 'Audio'],
  [311, 31, 'Sluchátka', 'Słuchawki'],
  // Two levels only: such products give two category tags.
  [40, 0, 'Dárkové poukazy', 'Karty podarunkowe'],
  [41, 40, 'Elektronické poukazy', 'Karty elektroniczne'],
  // A name longer than Ecomail's 50 characters a tag.
  [50, 0, 'Zahrada', 'Ogród'],
  [51, 50, 'Zahradní nábytek', 'Meble ogrodowe'],
  [511, 51, 'Zahradní lehátka, houpací sítě a závěsná křesla pro celou rodinu', 'Leżaki ogrodowe, hamaki i fotele wiszące dla całej rodziny'],
];

export const CATEGORIES: readonly SandboxCategory[] = TREE.map(([id, parentId, cze, pol]) => ({ id, parentId, names: { cze, pol } }));

const LEAVES = [111, 112, 121, 122, 211, 212, 311, 41, 511];
const ITEMS: Array<[cze: string, pol: string, czk: number]> = [
  ['Letní šaty', 'Sukienka letnia', 1290],
  ['Tričko s potiskem', 'Koszulka z nadrukiem', 449],
  ['Lněná košile', 'Koszula lniana', 990],
  ['Chino kalhoty', 'Spodnie chino', 1190],
  ['Litinová pánev', 'Patelnia żeliwna', 1590],
  ['Kuchařský nůž', 'Nóż szefa kuchni', 890],
  ['Bezdrátová sluchátka', 'Słuchawki bezprzewodowe', 2490],
  ['Poukaz 500 Kč', 'Karta 100 zł', 500],
  ['Houpací síť', 'Hamak', 1390],
];

/** 36 products: four variants of each item, in the leaves of the tree. */
export const PRODUCTS: readonly SandboxProduct[] = Array.from({ length: 36 }, (_, i) => {
  const [cze, pol, czk] = ITEMS[i % ITEMS.length];
  const variant = Math.floor(i / ITEMS.length) + 1;
  return {
    id: 1000 + i,
    code: `SKU-${1000 + i}`,
    names: { cze: `${cze} ${variant}`, pol: `${pol} ${variant}` },
    categoryId: LEAVES[i % ITEMS.length],
    price: { CZK: czk + variant * 10, PLN: Math.round(((czk + variant * 10) / 5.7) * 100) / 100 },
  };
});

const byId = new Map(CATEGORIES.map((category) => [category.id, category]));

/** Names from the root down to `categoryId` in one language. */
export function categoryPath(categoryId: number, language: 'cze' | 'pol'): string[] {
  const path: string[] = [];
  for (let category = byId.get(categoryId); category; category = byId.get(category.parentId)) path.unshift(category.names[language]);
  return path;
}
