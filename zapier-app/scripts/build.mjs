// Bundles each Zapier app into apps/<name>/dist/index.js: plain CommonJS that Zapier's Node runs.
// The core (@ecomail-bridge/shared) is compiled in from its TypeScript sources (`source` export
// condition), so the uploaded app carries its own copy and needs nothing but zapier-platform-core,
// which stays external because Zapier requires the exact pinned package beside the app.
//
// Usage: node scripts/build.mjs [ecomail|goout|ellity|idosell|getresponse|salesmanago ...]   (no argument = every app)
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const APPS = ['ecomail', 'goout', 'ellity', 'idosell', 'getresponse', 'salesmanago'];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !APPS.includes(name));
if (unknown.length) {
  console.error(`Unknown app(s): ${unknown.join(', ')}. Known: ${APPS.join(', ')}`);
  process.exit(1);
}

for (const app of wanted.length ? wanted : APPS) {
  await build({
    // The CLI loads the app with require(): expose the definition itself, not `{ default }`.
    stdin: {
      contents: `module.exports = require('./src/${app}/index.ts').default;`,
      resolveDir: root,
      sourcefile: `${app}-entry.js`,
      loader: 'js',
    },
    outfile: join(root, 'apps', app, 'dist', 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Zapier runs core 19.x on Node 22; tests and the repo run on Node 20.
    target: 'node20',
    conditions: ['source'],
    external: ['zapier-platform-core'],
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`built apps/${app}/dist/index.js`);
}
