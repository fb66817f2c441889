import { createMemoryStateStore, type StateStore } from '@ecomail-bridge/shared/node';
import { emptyCounters, type Counters } from './counters';
import { CliError, ExitCode } from './exit-codes';
import { FileStateStore } from './file-state-store';

/** Which import a checkpoint belongs to; resuming with another list or file would corrupt both. */
export interface CheckpointIdentity {
  source: 'goout' | 'ellity' | 'idosell';
  /** The Ecomail list or GetResponse campaign; '' for a destination without lists (SALESmanago). */
  listId: string;
  /** Set for a destination other than Ecomail, so a checkpoint is never resumed into another system. */
  destination?: string;
  /** Ellity: the CSV's path and size. */
  file?: { path: string; size: number };
}

const META = 'cli.meta';
const POSITION = 'cli.position';
const TOTALS = 'cli.totals';

/**
 * The resume file: the source's own cursor (the core writes it through the StateStore port, e.g.
 * `goout.purchases`), the CLI's position on top of it, and counters summed over all runs. Without
 * `--checkpoint` the same object lives in memory and nothing is written.
 */
export class Checkpoint {
  private constructor(
    readonly store: StateStore,
    private readonly file: FileStateStore | undefined,
    readonly previousTotals: Counters,
    readonly position: unknown,
  ) {}

  static async open(file: string | undefined, identity: CheckpointIdentity): Promise<Checkpoint> {
    if (!file) return new Checkpoint(createMemoryStateStore(), undefined, emptyCounters(), undefined);
    let store: FileStateStore;
    try {
      store = await FileStateStore.open(file, 'staged');
    } catch (error) {
      throw new CliError(`Cannot read the checkpoint ${file}: ${(error as Error).message}`, ExitCode.usage);
    }
    const meta = await store.get<CheckpointIdentity>(META);
    if (meta && JSON.stringify(meta) !== JSON.stringify(identity)) {
      throw new CliError(
        `The checkpoint ${file} belongs to another import (${describe(meta)}), not ${describe(identity)}: use another --checkpoint file.`,
        ExitCode.usage,
      );
    }
    await store.set(META, identity);
    return new Checkpoint(store, store, (await store.get<Counters>(TOTALS)) ?? emptyCounters(), await store.get(POSITION));
  }

  get path(): string | undefined {
    return this.file?.file;
  }

  /** Called only after Ecomail confirmed every record the position covers. */
  async commit(position: unknown, totals: Counters): Promise<void> {
    if (!this.file) return;
    await this.store.set(POSITION, position);
    await this.store.set(TOTALS, totals);
    await this.file.commit();
  }
}

function describe(identity: CheckpointIdentity): string {
  const file = identity.file ? `, file ${identity.file.path} of ${identity.file.size} bytes` : '';
  const into = !identity.destination ? `list ${identity.listId}` : identity.listId ? `${identity.destination} campaign ${identity.listId}` : identity.destination;
  return `${identity.source} into ${into}${file}`;
}

/** Which import a checkpoint is for; Ecomail's identity stays as it always was, so older checkpoints resume. */
export function checkpointIdentity(
  source: CheckpointIdentity['source'],
  run: { name: string; target: string },
  file?: CheckpointIdentity['file'],
): CheckpointIdentity {
  return { source, listId: run.target, ...(run.name === 'ecomail' ? {} : { destination: run.name }), ...(file ? { file } : {}) };
}
