#!/usr/bin/env node
/**
 * Runs the TypeScript sources through tsx, so the CLI works right after `npm install` with no build
 * step. tsx reads cli/tsconfig.json, whose `paths` point @ecomail-bridge/shared at the core's
 * sources (the core's package.json points at a dist/ that exists only after a build).
 */
const path = require('node:path');
process.env.TSX_TSCONFIG_PATH = path.join(__dirname, '..', 'tsconfig.json');
require('tsx/cjs');
const { runFromProcess } = require('../src/process-entry.ts');
runFromProcess();
