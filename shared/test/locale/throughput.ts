/**
 * Rough throughput of vocative + gender + name day over 100,000 first names (and of personalize()
 * on whole contacts): `npx tsx shared/test/locale/throughput.ts`. A measurement, not a test.
 */
import { detectGender, nameDay, personalize, vocative } from '@ecomail-bridge/shared';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, MALE_SURNAMES } from './vocative-cases';

const COUNT = 100_000;
const firstNames = [...MALE_FIRST_NAMES, ...FEMALE_FIRST_NAMES].map(([name]) => name);
const surnames = MALE_SURNAMES.map(([name]) => name);
// Some typed the way people type: caps, titles, spaces.
const typed = (name: string, i: number): string => (i % 5 === 0 ? name.toUpperCase() : i % 7 === 0 ? ` Ing. ${name} ` : name);
const names = Array.from({ length: COUNT }, (_, i) => typed(firstNames[i % firstNames.length], i));

function measure(label: string, run: (i: number) => unknown): void {
  const start = performance.now();
  let sink = 0;
  for (let i = 0; i < COUNT; i++) sink += run(i) === undefined ? 0 : 1;
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label}: ${COUNT} in ${seconds.toFixed(2)} s = ${Math.round(COUNT / seconds).toLocaleString('en')}/s (${sink} answers)`);
}

measure('vocative + detectGender + nameDay', (i) => {
  const name = names[i];
  return vocative(name) + (detectGender(name) ?? '') + (nameDay(name) ?? '');
});
measure('personalize (first + last name, CZ)', (i) =>
  personalize({ firstName: names[i], lastName: surnames[i % surnames.length], country: 'CZ' }),
);
