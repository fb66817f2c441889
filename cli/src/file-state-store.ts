import { promises as fs } from 'node:fs';
import type { StateStore } from '@ecomail-bridge/shared/node';
import { writeFileAtomic } from './atomic-write';

/**
 * The core's StateStore port kept in one JSON file.
 *
 * `staged` stores hold writes in memory until `commit()`: the importer commits only after a batch
 * is confirmed, so the file never claims more progress than Ecomail has received. Token files use
 * `immediate` mode instead: a rotated GoOut refresh token must be on disk before it is used.
 */
export class FileStateStore implements StateStore {
  private constructor(
    readonly file: string,
    private readonly data: Record<string, unknown>,
    private readonly mode: 'staged' | 'immediate',
  ) {}

  /** Opens `file`, starting empty when it does not exist; a corrupt file is an error, not a reset. */
  static async open(file: string, mode: 'staged' | 'immediate'): Promise<FileStateStore> {
    let text: string | undefined;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    let data: Record<string, unknown> = {};
    if (text !== undefined && text.trim() !== '') {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file} does not hold a JSON object`);
      data = parsed as Record<string, unknown>;
    }
    return new FileStateStore(file, data, mode);
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    return structuredClone(this.data[key]) as T | undefined;
  }

  async set<T = unknown>(key: string, value: T): Promise<void> {
    // A copy, so later changes to the caller's object cannot slip into a commit unnoticed.
    this.data[key] = structuredClone(value);
    if (this.mode === 'immediate') await this.commit();
  }

  /** Writes every key to disk atomically. */
  async commit(): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(this.data, null, 2)}\n`);
  }
}
