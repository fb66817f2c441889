import { vocative, type VocativeOptions } from '@ecomail-bridge/shared';
import { FEMALE_FIRST_NAMES, FEMALE_SURNAMES, MALE_FIRST_NAMES, MALE_SURNAMES, type VocativeCase } from './vocative-cases';

export interface VocativeGroup {
  readonly label: string;
  readonly cases: readonly VocativeCase[];
  readonly options: VocativeOptions;
}

/** Every list with the options a caller would pass for it (surnames with the person's gender). */
export const VOCATIVE_GROUPS: readonly VocativeGroup[] = [
  { label: 'male first names', cases: MALE_FIRST_NAMES, options: {} },
  { label: 'female first names', cases: FEMALE_FIRST_NAMES, options: {} },
  { label: 'male surnames', cases: MALE_SURNAMES, options: { surname: true, gender: 'male' } },
  { label: 'female surnames', cases: FEMALE_SURNAMES, options: { surname: true, gender: 'female' } },
];

export interface Miss {
  readonly name: string;
  readonly expected: string;
  readonly actual: string;
}

/**
 * Compares the vocative of every listed name with the expected form. Letter case is ignored only
 * with `ignoreCase` (the `vokativ` lists are all lower case; we answer in proper case).
 */
export function measureAccuracy(
  groups: readonly VocativeGroup[] = VOCATIVE_GROUPS,
  ignoreCase = false,
): { total: number; misses: Miss[] } {
  const misses: Miss[] = [];
  let total = 0;
  for (const group of groups) {
    for (const [name, expected] of group.cases) {
      total++;
      const actual = vocative(name, group.options);
      const same = ignoreCase ? actual.toLowerCase() === expected.toLowerCase() : actual === expected;
      if (!same) misses.push({ name, expected, actual });
    }
  }
  return { total, misses };
}
