import { readFileSync } from 'node:fs';
import path from 'node:path';
import { docLinkBases, docLinkFiles, withDocLinks } from '../scripts/release/doc-links';
import { licenseDirs, licenseText, META_FIELDS, packageMeta, readReleaseMeta } from '../scripts/release/meta';
import { packageFiles } from '../scripts/release/packages';

const root = path.resolve(__dirname, '..');
const meta = readReleaseMeta(root);
const files = packageFiles(root);

function metaOf(file: string): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(META_FIELDS.filter((field) => field in pkg).map((field) => [field, pkg[field]]));
}

describe('release.json is the one place for repository, author and license holder', () => {
  it('finds the root and every package', () => {
    expect(files.map((file) => path.relative(root, file))).toEqual([
      'cli/package.json',
      'n8n-nodes/package.json',
      'package.json',
      'shared/package.json',
      'zapier-app/apps/ecomail/package.json',
      'zapier-app/apps/ellity/package.json',
      'zapier-app/apps/getresponse/package.json',
      'zapier-app/apps/goout/package.json',
      'zapier-app/apps/idosell/package.json',
      'zapier-app/apps/salesmanago/package.json',
      'zapier-app/package.json',
    ]);
  });

  it.each(files.map((file) => [path.relative(root, file), file]))('%s carries release.json’s fields (npm run sync:package-meta)', (_name, file) => {
    expect(metaOf(file)).toEqual(packageMeta(meta, path.relative(root, path.dirname(file))));
  });

  it('derives the fields per folder', () => {
    expect(packageMeta({ ...meta, repository: 'https://example.org/acme/bridge' }, 'n8n-nodes')).toEqual({
      author: meta.author,
      homepage: 'https://example.org/acme/bridge/tree/main/n8n-nodes#readme',
      repository: { type: 'git', url: 'git+https://example.org/acme/bridge.git', directory: 'n8n-nodes' },
    });
    expect(packageMeta(meta, '').repository).toEqual({ type: 'git', url: `git+${meta.repository}.git` });
  });

  it('a LICENSE in the holder’s name sits at the root and in each published package', () => {
    const dirs = licenseDirs(root, files);
    expect(dirs.map((dir) => path.relative(root, dir))).toEqual(['', 'n8n-nodes']);
    for (const dir of dirs) expect(readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toBe(licenseText(meta));
    expect(licenseText(meta).split('\n').slice(0, 3)).toEqual(['MIT License', '', `Copyright (c) ${meta.copyrightYear} ${meta.author.name}`]);
  });

  it('every package declares the MIT license the LICENSE grants', () => {
    expect(files.map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { license?: string }).license)).toEqual(files.map(() => 'MIT'));
  });

  it('the n8n package’s documentation links point into release.json’s repository', () => {
    const links = docLinkFiles(root).flatMap((file) => docLinkBases(readFileSync(file, 'utf8')));
    // Every documentation link of the package's nodes and credentials.
    expect(links).toEqual(Array(21).fill(`${meta.repository}/tree/main/n8n-nodes#`));
  });

  it('rewrites a documentation link to another repository', () => {
    const line = "documentationUrl = 'https://github.com/old/place/tree/main/n8n-nodes#ecomail-credentials';";
    expect(withDocLinks(line, 'https://example.org/acme/bridge')).toBe("documentationUrl = 'https://example.org/acme/bridge/tree/main/n8n-nodes#ecomail-credentials';");
  });
});
