import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * n8n-core keeps an encryption key in $N8N_USER_FOLDER/.n8n/config and otherwise creates one in
 * the user's home (with a warning). A throwaway folder with a fresh key keeps the headless runs
 * quiet and the home untouched. Call before n8n-core is loaded; `remove` when done.
 */
export function useThrowawayN8nFolder(prefix: string): { remove(): void } {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  mkdirSync(path.join(folder, '.n8n'));
  writeFileSync(path.join(folder, '.n8n', 'config'), JSON.stringify({ encryptionKey: randomBytes(24).toString('hex') }), { mode: 0o600 });
  process.env.N8N_USER_FOLDER = folder;
  return { remove: () => rmSync(folder, { recursive: true, force: true }) };
}
