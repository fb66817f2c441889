/** Prints the vocative accuracy on the listed names: `npx tsx shared/test/locale/accuracy.ts`. */
import { measureAccuracy } from './accuracy-cases';

const { total, misses } = measureAccuracy();
const correct = total - misses.length;
console.log(`vocative accuracy: ${correct}/${total} = ${((100 * correct) / total).toFixed(1)} %`);
for (const miss of misses) console.log(`  ${miss.name}: expected ${miss.expected}, got ${miss.actual}`);
