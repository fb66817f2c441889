/** Runs scripts/tools/install-n8n.sh (cached after the first run) and returns what it installed. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface N8nTools {
  nodeBinDir: string;
  n8nEntry: string;
}

export function installN8n(repoRoot: string, timeoutMs: number): Promise<N8nTools> {
  return new Promise((resolve, reject) => {
    // Own process group: on timeout the whole npm tree goes, not just bash (the script's marker
    // file makes the next run start the interrupted install afresh).
    const child = spawn('bash', [join(repoRoot, 'scripts/tools/install-n8n.sh')], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`install-n8n.sh did not finish within ${timeoutMs / 60_000} min`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`install-n8n.sh exited ${code}: ${stderr.trim().split('\n').slice(-10).join('\n')}`));
        return;
      }
      const [nodeBinDir, n8nEntry] = stdout.trim().split('\n').slice(-2);
      resolve({ nodeBinDir, n8nEntry });
    });
  });
}
