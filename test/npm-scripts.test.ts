import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageFiles } from '../scripts/release/packages';

const root = path.resolve(__dirname, '..');

/** npm runs these around an explicit command; ignore-scripts skips every one of them. */
const LIFECYCLE_EVENTS = ['install', 'uninstall', 'publish', 'pack', 'version', 'shrinkwrap', 'test', 'start', 'stop', 'restart'];
const HOOKS_ALWAYS_SKIPPED = ['prepare', 'prepublishOnly', 'dependencies', 'install'];

function hooksIn(scripts: Record<string, string>): string[] {
  const targets = new Set([...LIFECYCLE_EVENTS, ...Object.keys(scripts)]);
  return Object.keys(scripts).filter((name) => {
    const hooked = /^(pre|post)(.+)$/.exec(name)?.[2];
    return HOOKS_ALWAYS_SKIPPED.includes(name) || (hooked !== undefined && targets.has(hooked));
  });
}

describe('npm scripts under the repo’s ignore-scripts', () => {
  it('.npmrc keeps install scripts off (isolated-vm cannot build on Node 20)', () => {
    const lines = readFileSync(path.join(root, '.npmrc'), 'utf8').split('\n').map((line) => line.trim());
    expect(lines).toContain('ignore-scripts=true');
  });

  it('no package.json relies on a pre/post or lifecycle script, which npm would silently skip', () => {
    const found = packageFiles(root).flatMap((file) => {
      const { scripts = {} } = JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> };
      return hooksIn(scripts).map((name) => `${path.relative(root, file)}: ${name}`);
    });
    expect(found).toEqual([]);
  });

  it('the check itself finds hooks', () => {
    expect(hooksIn({ prestart: 'a', start: 'b', prebench: 'c', prepublishOnly: 'd', postpack: 'e', preview: 'f' })).toEqual([
      'prestart',
      'prepublishOnly',
      'postpack',
    ]);
  });
});
