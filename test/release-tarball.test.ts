import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PUBLISH_COMMAND, tarballProblems, type N8nManifest } from '../scripts/release/n8n-package';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../n8n-nodes/package.json'), 'utf8')) as N8nManifest;
const complete = ['LICENSE', 'README.md', 'package.json', ...manifest.n8n.nodes, ...manifest.n8n.credentials, 'dist/icons/ecomail.svg'];

describe('the n8n package’s tarball check (npm run release:dry-run)', () => {
  it('publishes with provenance, publicly, only the n8n workspace', () => {
    expect(PUBLISH_COMMAND.join(' ')).toBe('npm publish --provenance --access public -w n8n-nodes-ecomail');
  });

  it('passes a tarball with every node, credential and top-level file', () => {
    expect(tarballProblems(complete, manifest)).toEqual([]);
  });

  it('names what an unbuilt package lacks', () => {
    expect(tarballProblems(['README.md', 'package.json'], manifest)).toEqual([
      'missing LICENSE',
      ...[...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) => `missing ${file}`),
    ]);
  });

  it('names files that do not belong in the package', () => {
    expect(tarballProblems([...complete, 'nodes/Ecomail/Ecomail.node.ts', 'test/setup/build.js'], manifest)).toEqual([
      'not meant for the package: nodes/Ecomail/Ecomail.node.ts',
      'not meant for the package: test/setup/build.js',
    ]);
  });
});
