import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Replaces `file` with `text` so that a crash (SIGKILL, power loss) leaves either the old or the
 * new content, never a torn file: write a temporary sibling, flush it to disk, rename it over.
 * Mode 0600 because checkpoints and token files may hold tokens or customer e-mails.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
}
