import { mulberry32 } from '../ecomail/prng';

/** Seeded PRNG keyed by (seed, index, stream): any record can be regenerated on its own. */
export function prng(seed: number, index: number, stream = 0): () => number {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(stream + 7, 0x27d4eb2f));
}

export function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}
