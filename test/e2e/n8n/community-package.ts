/**
 * Builds and packs n8n-nodes/ and installs the tarball where n8n 2.x looks for community packages
 * (<N8N_USER_FOLDER>/.n8n/nodes/node_modules, docs/n8n-platform.md §8.3/§8.5), so the node types load as
 * `n8n-nodes-ecomail.*` exactly as for an end user — not as `CUSTOM.*` from the custom folder.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-ecomail';

export interface InstalledPackage {
  tarball: string;
  installedDir: string;
  version: string;
}

export async function buildAndPack(repoRoot: string, outDir: string): Promise<string> {
  await run('npm', ['run', 'build', '-w', PACKAGE_NAME], repoRoot, 300_000);
  const packed = await run('npm', ['pack', '-w', PACKAGE_NAME, '--pack-destination', outDir, '--json'], repoRoot, 120_000);
  const [info] = JSON.parse(packed) as Array<{ filename: string }>;
  return join(outDir, info.filename);
}

export async function installIntoUserFolder(tarball: string, userFolder: string): Promise<InstalledPackage> {
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  await mkdir(nodesDir, { recursive: true });
  await writeFile(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
  // --legacy-peer-deps: the peer n8n-workflow is n8n's own copy, never a second one in nodes/.
  await run(
    'npm',
    ['install', tarball, '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', '--no-package-lock'],
    nodesDir,
    120_000,
  );
  const installedDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
  const manifest = JSON.parse(await readFile(join(installedDir, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  // Verified community nodes may not have runtime dependencies; the bundle must carry the core.
  if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) {
    throw new Error(`${PACKAGE_NAME} declares runtime dependencies: ${Object.keys(manifest.dependencies).join(', ')}`);
  }
  return { tarball, installedDir, version: manifest.version };
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const tail = (stderr || stdout).trim().split('\n').slice(-12).join('\n');
        reject(new Error(`${command} ${args.join(' ')} failed: ${tail}`));
      } else resolve(stdout);
    });
  });
}
