/**
 * The ledger against a model of n8n's deduplication store (n8n 2.40.7, `DeduplicationHelper`,
 * docs/n8n-platform.md §11.4/§11.6): each call reads the whole row, awaits the database and writes
 * the whole row back; only creating a row is atomic (primary key). The model is n8n's, not ours.
 */
import { DeliveryLedger, deliveryKeys, deliveryKeysOf, type ProcessedKeyStore } from '@ecomail-bridge/shared';
import { simulatedTime } from '../simulated-time';

type Clock = ReturnType<typeof simulatedTime>;

function mulberry(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two rows (keys, lock) with n8n's read-modify-write shape; every database round trip takes 1–8 ms. */
function n8nLikeStore(clock: Clock, random: () => number) {
  const rows = new Map<'keys' | 'lock', string[]>();
  const roundTrip = () => clock.sleep(1 + Math.floor(random() * 8));
  const addAll = async (row: 'keys' | 'lock', items: readonly string[]): Promise<string[]> => {
    const found = rows.get(row);
    await roundTrip();
    if (!found) {
      if (rows.has(row)) throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
      rows.set(row, [...items]);
      return [...items];
    }
    const known = new Set(found);
    const added = items.filter((item) => !known.has(item));
    await roundTrip();
    if (rows.has(row)) rows.set(row, [...found, ...added]);
    return added;
  };
  const store: ProcessedKeyStore = {
    record: (keys) => addAll('keys', keys),
    async forget(keys) {
      const found = rows.get('keys');
      await roundTrip();
      if (found) rows.set('keys', found.filter((key) => !keys.includes(key)));
    },
    async tryLock(tokens) {
      try {
        return (await addAll('lock', tokens)).length === tokens.length && !rows.get('lock')!.some((token) => !tokens.includes(token));
      } catch (error) {
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      }
    },
    async lockSize() {
      await roundTrip();
      return rows.get('lock')?.length ?? 0;
    },
    async unlock() {
      await roundTrip();
      rows.delete('lock');
    },
  };
  return { store, rows };
}

function setup(seed = 1) {
  const clock = simulatedTime();
  const random = mulberry(seed);
  const { store, rows } = n8nLikeStore(clock, random);
  const ledger = () => new DeliveryLedger(store, { sleep: clock.sleep, now: clock.now, random });
  return { clock, store, rows, ledger, random };
}

/** Runs the simulation until `work` is done; resolves with its result and the clock at that moment. */
async function timed<T>(clock: Clock, work: Promise<T>): Promise<{ value: T; doneAt: number }> {
  let doneAt = Number.NaN;
  const settled = work.then((value) => {
    doneAt = clock.now();
    return value;
  });
  await clock.runUntil(clock.now() + 3_600_000);
  return { value: await settled, doneAt };
}

async function run<T>(clock: Clock, work: Promise<T>): Promise<T> {
  return (await timed(clock, work)).value;
}

describe('DeliveryLedger', () => {
  it('lets a delivery through once: its copies are repeats, records without keys are left alone', async () => {
    const { clock, ledger } = setup();
    const a = deliveryKeys('jana@example.cz|credit_changed|150', 1_000, 60_000);
    const b = deliveryKeys('petr@example.cz|credit_changed|20', 1_000, 60_000);
    const first = await run(clock, ledger().claim([a, undefined, b, a]));
    expect(first).toEqual(['fresh', 'unkeyed', 'fresh', 'repeat']);
    expect(await run(clock, ledger().claim([b, a]))).toEqual(['repeat', 'repeat']);
  });

  it('recognises a repeat received within the window, even across a bucket boundary, and not two windows later', async () => {
    const { clock, ledger } = setup();
    const change = 'jana@example.cz|credit_changed|150';
    expect(await run(clock, ledger().claim([deliveryKeys(change, 59_900, 60_000)]))).toEqual(['fresh']);
    expect(await run(clock, ledger().claim([deliveryKeys(change, 60_100, 60_000)]))).toEqual(['repeat']);
    expect(await run(clock, ledger().claim([deliveryKeys(change, 180_000, 60_000)]))).toEqual(['fresh']);
  });

  it('forgets a released delivery, so that a retry writes it', async () => {
    const { clock, ledger } = setup();
    const keys = deliveryKeys('x@example.cz|pin_changed|', 5_000, 60_000);
    expect(await run(clock, ledger().claim([keys]))).toEqual(['fresh']);
    await run(clock, ledger().release(keys));
    expect(await run(clock, ledger().claim([keys]))).toEqual(['fresh']);
  });

  it('lets exactly one copy through when copies reach several processes at the same moment, and loses no key', async () => {
    const { clock, rows, ledger, random } = setup(7);
    const changes = Array.from({ length: 40 }, (_, i) => deliveryKeys(`c${i}@example.cz|credit_changed|${i}`, 30_000, 60_000));
    // Every change delivered three times, each copy to one of four processes, all at once.
    const processes = Array.from({ length: 4 }, () => ledger());
    const copies = changes.flatMap((keys, change) => [0, 1, 2].map(() => ({ change, keys, process: processes[Math.floor(random() * 4)] })));
    const verdicts = await run(clock, Promise.all(copies.map(async (copy) => ({ change: copy.change, claim: (await copy.process.claim([copy.keys]))[0] }))));
    for (let change = 0; change < changes.length; change++) {
      expect(verdicts.filter((v) => v.change === change && v.claim === 'fresh')).toHaveLength(1);
      expect(verdicts.filter((v) => v.change === change && v.claim === 'repeat')).toHaveLength(2);
    }
    expect(new Set(rows.get('keys'))).toEqual(new Set(changes.flat()));
    expect(rows.has('lock')).toBe(false);
  });

  it('is needed: the same store written without the lock lets copies through twice and loses keys', async () => {
    const { clock, store, rows } = setup(7);
    rows.set('keys', []);
    const changes = Array.from({ length: 40 }, (_, i) => [`c${i}`]);
    const fresh = await run(clock, Promise.all([...changes, ...changes].map((keys) => store.record(keys))));
    // All 80 copies were taken as new, and the last writer's single key is all that is left.
    expect(fresh.filter((added) => added.length > 0)).toHaveLength(2 * changes.length);
    expect(rows.get('keys')).toHaveLength(1);
  });

  it('removes a lock left by a process that died holding it, after 30 s of it not changing', async () => {
    const { clock, rows, ledger } = setup();
    rows.set('lock', ['left', 'behind', 'by a crash']);
    const started = clock.now();
    const { value, doneAt } = await timed(clock, ledger().claim([['k|1', 'k|0']]));
    expect(value).toEqual(['fresh']);
    expect(doneAt - started).toBeGreaterThanOrEqual(30_000);
    expect(doneAt - started).toBeLessThan(31_000);
  });

  it('reads delivery keys only from records that carry a list of texts', () => {
    expect(deliveryKeysOf({ deliveryKeys: ['a|1', 'a|0'], email: 'x' })).toEqual(['a|1', 'a|0']);
    expect(deliveryKeysOf({ deliveryKeys: [] })).toBeUndefined();
    expect(deliveryKeysOf({ deliveryKeys: ['a', 3] })).toBeUndefined();
    expect(deliveryKeysOf({ email: 'x' })).toBeUndefined();
    expect(deliveryKeysOf(null)).toBeUndefined();
  });
});
