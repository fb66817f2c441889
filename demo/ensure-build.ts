/**
 * `npm start` (and `npm run bench`) run the BUILT n8n package (n8n-nodes/dist) the way n8n loads
 * it, so build it when dist is missing or older than any source it is made from. Skipped when
 * nothing changed, so a second `npm start` does not pay for the build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const builtMarker = path.join(root, 'n8n-nodes/dist/nodes/Ecomail/Ecomail.node.js');
const sources = ['n8n-nodes/nodes', 'n8n-nodes/credentials', 'n8n-nodes/transport', 'n8n-nodes/icons', 'n8n-nodes/package.json', 'shared/src'];

/** Newest modification time under a file or folder (bounded by the size of the tree). */
function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function n8nBuildIsStale(): boolean {
  if (!existsSync(builtMarker)) return true;
  const built = statSync(builtMarker).mtimeMs;
  return sources.some((source) => existsSync(path.join(root, source)) && newestMtime(path.join(root, source)) > built);
}

/** Builds n8n-nodes/dist when stale; throws with the compiler's output when the build fails. */
export function ensureN8nBuild(): void {
  if (n8nBuildIsStale()) {
    console.log('Building the n8n package (n8n-nodes/dist)…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    try {
      execFileSync(npm, ['run', 'build', '-w', 'n8n-nodes-ecomail'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
    } catch (error) {
      // n8n-node prints its compiler errors on stdout.
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`npm run build -w n8n-nodes-ecomail failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
    }
  }
}

if (require.main === module) {
  try {
    ensureN8nBuild();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
