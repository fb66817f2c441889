/**
 * `npm run release:dry-run`: builds n8n-nodes-ecomail from scratch and runs the publish workflow's
 * own command with --dry-run (no login, no upload, no network), then checks the tarball's files.
 * The build is explicit because the repo's ignore-scripts means npm publish runs no prepack hook.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readReleaseMeta } from './meta';
import { PUBLISH_COMMAND, tarballProblems, type N8nManifest } from './n8n-package';

const root = path.resolve(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult {
  id: string;
  size: number;
  files: { path: string }[];
}

execFileSync(npm, ['run', 'build', '-w', 'n8n-nodes-ecomail'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const [, ...args] = PUBLISH_COMMAND;
const output = execFileSync(npm, [...args, '--dry-run', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const packed = (JSON.parse(output) as Record<string, PackResult>)['n8n-nodes-ecomail'];
const manifest = JSON.parse(readFileSync(path.join(root, 'n8n-nodes/package.json'), 'utf8')) as N8nManifest;
const problems = tarballProblems(packed.files.map((file) => file.path), manifest);

console.log(`${PUBLISH_COMMAND.join(' ')} --dry-run`);
console.log(`  ${packed.id}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed`);
if (readReleaseMeta(root).placeholder) console.log('  release.json still holds placeholders: the publish workflow refuses to publish until they are set');
for (const problem of problems) console.error(`  ${problem}`);
process.exit(problems.length ? 1 : 0);
