/** Prints the vocative accuracy on our list and on the `vokativ` package's lists: `npx tsx shared/test/locale/accuracy.ts`. */
import { measureAccuracy, type Miss } from './accuracy-cases';
import { VOKATIV_GROUPS } from './vokativ-lists';

function report(label: string, { total, misses }: { total: number; misses: Miss[] }): void {
  const correct = total - misses.length;
  console.log(`vocative accuracy, ${label}: ${correct}/${total} = ${((100 * correct) / total).toFixed(1)} %`);
  for (const miss of misses) console.log(`  ${miss.name}: expected ${miss.expected}, got ${miss.actual}`);
}

report('our list', measureAccuracy());
report('vokativ package lists', measureAccuracy(VOKATIV_GROUPS, true));
