// Runs before each n8n-nodes test file: n8n-core writes an encryption key into
// $N8N_USER_FOLDER/.n8n/config, so point it at a throwaway folder instead of the user's home.
// (Plain JavaScript because `n8n-node lint` forbids `process` in the package's TypeScript.)
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-nodes-test-'));
