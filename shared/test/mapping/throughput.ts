/**
 * How many GoOut purchases per second mapGoOutPurchase turns into contact data on one core
 * (names cleaned, tags, personalisation, event fields). Not a test: run it by hand.
 *
 *   npx tsx shared/test/mapping/throughput.ts [records=100000]
 */
import { mapGoOutPurchase, type GoOutPurchase } from '../../src/index';
import { purchase, ticket } from './fixtures/goout-purchases';

const FIRST_NAMES = ['Jana', 'PETR', ' marie ', 'Ing. Tomáš', 'Lucie', 'Peter', 'Zuzana', 'John', 'Jiří', 'Eva'];
const LAST_NAMES = ['Nováková', 'SVOBODA', 'dvořák, Ph.D.', 'Horváth', 'Černá', 'Smith', 'Procházka MBA', 'Kučerová'];
const COUNTRIES: Array<[string | null, string | null]> = [['CZ', 'cs'], ['SK', 'sk'], [null, 'cs'], ['GB', 'en'], [null, null]];

function records(count: number): GoOutPurchase[] {
  return Array.from({ length: count }, (_unused, index) => {
    const [country, language] = COUNTRIES[index % COUNTRIES.length];
    return purchase({
      purchaseId: String(index),
      buyer: {
        email: `buyer${index}@example.cz`,
        firstName: FIRST_NAMES[index % FIRST_NAMES.length],
        lastName: LAST_NAMES[index % LAST_NAMES.length],
        country,
        language,
        newsletterConsent: index % 3 !== 0,
      },
      items: [ticket({ ticketId: `t${index}`, event: { id: `e${index % 50}`, name: `Akce ${index % 50}`, mainCategory: 'theatre', tags: ['Drama', 'Stand-up Comedy'] } })],
    });
  });
}

const count = Number(process.argv[2] ?? 100_000);
const input = records(count);
mapGoOutPurchase(input[0], { eventFields: true }); // load lazily built tables outside the timing
const started = performance.now();
let tags = 0;
for (const record of input) tags += mapGoOutPurchase(record, { eventFields: true }).tags?.length ?? 0;
const seconds = (performance.now() - started) / 1000;
console.log(`${count} purchases mapped in ${seconds.toFixed(2)} s: ${Math.round(count / seconds)} contacts/s (${tags} tags)`);
