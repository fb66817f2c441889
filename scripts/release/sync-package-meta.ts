/**
 * `npm run sync:package-meta`: writes release.json's repository, author and homepage into every
 * package.json, the repository into the n8n package's documentation links and the license holder
 * into every LICENSE. Run it after editing release.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { docLinkFiles, withDocLinks } from './doc-links';
import { licenseDirs, licenseText, META_FIELDS, packageMeta, readReleaseMeta, type PackageMeta } from './meta';
import { packageFiles } from './packages';

const root = path.resolve(__dirname, '../..');

/** The package with its meta fields replaced, placed right after "license" so diffs stay small. */
function withMeta(pkg: Record<string, unknown>, meta: PackageMeta): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pkg)) {
    if ((META_FIELDS as readonly string[]).includes(key)) continue;
    out[key] = value;
    if (key === 'license') Object.assign(out, meta);
  }
  return 'license' in pkg ? out : { ...out, ...meta };
}

function writeIfChanged(file: string, next: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === next) return;
  writeFileSync(file, next);
  console.log(`updated ${path.relative(root, file)}`);
}

const meta = readReleaseMeta(root);
const files = packageFiles(root);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  // n8n-nodes keeps n8n's tab style; the others use two spaces.
  const indent = /^\t/m.test(text) ? '\t' : 2;
  writeIfChanged(file, `${JSON.stringify(withMeta(JSON.parse(text), packageMeta(meta, path.relative(root, path.dirname(file)))), null, indent)}\n`);
}
for (const file of docLinkFiles(root)) writeIfChanged(file, withDocLinks(readFileSync(file, 'utf8'), meta.repository));
for (const dir of licenseDirs(root, files)) writeIfChanged(path.join(dir, 'LICENSE'), licenseText(meta));
if (meta.placeholder) console.log('release.json still says "placeholder": true — set the real repository and author before the first release.');
