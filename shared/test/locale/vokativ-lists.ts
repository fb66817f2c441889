/**
 * The test lists of the `vokativ` npm package (1.0.1, by David Menger; a port of the Python
 * `vocativ`), shipped in fixtures/vokativ/ as they are: one "nominative vocative" pair a line, all
 * lower case. A benchmark we did not write our rules from (docs/personalization.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VocativeGroup } from './accuracy-cases';
import type { VocativeCase } from './vocative-cases';

function readList(file: string): VocativeCase[] {
  const text = readFileSync(path.join(__dirname, 'fixtures', 'vokativ', file), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name, expected] = line.trim().split(' ');
      return [name, expected] as const;
    });
}

/** Called as the package's own tests call it: first names alone, surnames with no gender given. */
export const VOKATIV_GROUPS: readonly VocativeGroup[] = [
  { label: 'vokativ male first names', cases: readList('man_first_name_tests.txt'), options: {} },
  { label: 'vokativ female first names', cases: readList('woman_first_name_tests.txt'), options: {} },
  { label: 'vokativ male surnames', cases: readList('man_last_name_tests.txt'), options: { surname: true } },
  { label: 'vokativ female surnames', cases: readList('woman_last_name_tests.txt'), options: { surname: true } },
];
