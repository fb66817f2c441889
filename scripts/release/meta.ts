/**
 * release.json is the one place for the repository URL, the author and the copyright holder.
 * Every package.json and every LICENSE is derived from it here (npm run sync:package-meta writes
 * them, test/package-meta.test.ts fails when one disagrees).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ReleaseMeta {
  /** true until the real repository and author are set; the publish workflow refuses it. */
  placeholder: boolean;
  repository: string;
  author: { name: string; email: string };
  copyrightYear: number;
}

export interface PackageMeta {
  author: { name: string; email: string };
  homepage: string;
  repository: { type: 'git'; url: string; directory?: string };
}

export function readReleaseMeta(root: string): ReleaseMeta {
  const meta = JSON.parse(readFileSync(path.join(root, 'release.json'), 'utf8')) as ReleaseMeta;
  if (typeof meta.placeholder !== 'boolean') throw new Error('release.json: "placeholder" must be true or false');
  if (!/^https:\/\/\S+[^/]$/.test(meta.repository)) throw new Error('release.json: "repository" must be an https URL without a trailing slash');
  if (!meta.author?.name?.trim() || !/^\S+@\S+$/.test(meta.author.email ?? '')) throw new Error('release.json: "author" needs a name and an e-mail');
  if (!Number.isInteger(meta.copyrightYear)) throw new Error('release.json: "copyrightYear" must be a year');
  return meta;
}

/** The fields a package.json in `dir` (relative to the repo root, '' for the root) must carry. */
export function packageMeta(meta: ReleaseMeta, dir: string): PackageMeta {
  const directory = dir.split(path.sep).join('/');
  return {
    author: { name: meta.author.name, email: meta.author.email },
    homepage: directory ? `${meta.repository}/tree/main/${directory}#readme` : `${meta.repository}#readme`,
    repository: { type: 'git', url: `git+${meta.repository}.git`, ...(directory ? { directory } : {}) },
  };
}

export const META_FIELDS = ['author', 'homepage', 'repository'] as const;

/** The MIT license the packages declare, in the holder's name. */
export function licenseText(meta: ReleaseMeta): string {
  return `MIT License

Copyright (c) ${meta.copyrightYear} ${meta.author.name}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
}

/**
 * Where a LICENSE must sit: the root, and each published (not private) package, because npm packs
 * only the LICENSE of the package's own folder.
 */
export function licenseDirs(root: string, packageFiles: readonly string[]): string[] {
  const published = packageFiles.filter((file) => !(JSON.parse(readFileSync(file, 'utf8')) as { private?: boolean }).private);
  return [...new Set([root, ...published.map((file) => path.dirname(file))])].sort();
}
