// Loads the TypeScript child through tsx with the Zapier app's tsconfig (its paths point the core at its sources).
const path = require('node:path');
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', '..', 'zapier-app', 'tsconfig.json');
require('tsx/cjs');
require('./zapier-child.ts');
