/**
 * Imported first by run.ts: n8n-core writes an encryption key into $N8N_USER_FOLDER/.n8n/config,
 * so point it at a throwaway folder instead of the user's home (as the n8n-nodes tests do).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(os.tmpdir(), 'ecomail-reliability-n8n-'));
