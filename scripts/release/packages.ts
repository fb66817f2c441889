/** Every package.json of the repo (the root's and each package's), wherever it sits. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Installed, built or tool-made folders: their package.json files are not ours. */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage']);

export function packageFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dir, entry.name));
      else if (entry.isFile() && entry.name === 'package.json') found.push(path.join(dir, entry.name));
    }
  };
  walk(root);
  return found.sort();
}
