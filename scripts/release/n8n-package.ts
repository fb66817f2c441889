/** How n8n-nodes-ecomail is published, and what its tarball must hold for n8n to load it. */

/** The publish workflow runs exactly this; `npm run release:dry-run` runs it with --dry-run. */
export const PUBLISH_COMMAND = ['npm', 'publish', '--provenance', '--access', 'public', '-w', 'n8n-nodes-ecomail'] as const;

/** Files npm packs besides dist/: the manifest, the README n8n and npm show, the license. */
const TOP_LEVEL = ['LICENSE', 'README.md', 'package.json'];

export interface N8nManifest {
  n8n: { nodes: string[]; credentials: string[] };
}

/** What is wrong with a packed file list: a missing node, credential or top-level file, or a stray file. */
export function tarballProblems(files: readonly string[], manifest: N8nManifest): string[] {
  const packed = new Set(files);
  const required = [...TOP_LEVEL, ...manifest.n8n.nodes, ...manifest.n8n.credentials];
  return [
    ...required.filter((file) => !packed.has(file)).map((file) => `missing ${file}`),
    ...files.filter((file) => !TOP_LEVEL.includes(file) && !file.startsWith('dist/')).map((file) => `not meant for the package: ${file}`),
  ];
}
