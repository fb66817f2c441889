import { systemClock, type Clock, type ProcessedKeyStore, type Sleep } from '../ports';

/** What the ledger says about one delivery. */
export type DeliveryClaim = 'fresh' | 'repeat' | 'unkeyed';

export interface DeliveryLedgerOptions {
  sleep: Sleep;
  now?: Clock;
  random?: () => number;
  /** A lock that stays the same this long was left by a process that died holding it. */
  staleLockMs?: number;
}

const DEFAULT_STALE_LOCK_MS = 30_000;
/** Waits between looks at a held lock grow from the first to the last, with jitter. */
const FIRST_WAIT_MS = 20;
const LONGEST_WAIT_MS = 250;
/** A lock holds 1 to this many tokens, drawn at random, so waiters can tell one holder from the next. */
const MOST_TOKENS = 16;

/**
 * Decides which deliveries may be written, whichever process received them (docs/n8n-platform.md
 * §11.6). The shared store's key set is read and rewritten whole by each writer, so two writers at
 * once lose each other's keys; the ledger therefore only touches it under the store's lock, whose
 * creation is atomic. A fresh delivery's keys are recorded before it is written, so a copy arriving
 * meanwhile is already a repeat; if the write fails, `release` forgets them again.
 */
export class DeliveryLedger {
  private readonly now: Clock;
  private readonly random: () => number;
  private readonly staleLockMs: number;

  constructor(
    private readonly store: ProcessedKeyStore,
    private readonly options: DeliveryLedgerOptions,
  ) {
    this.now = options.now ?? systemClock;
    this.random = options.random ?? Math.random;
    this.staleLockMs = options.staleLockMs ?? DEFAULT_STALE_LOCK_MS;
  }

  /**
   * One verdict per delivery (its keys, or none). A delivery is a repeat when any of its keys was
   * recorded before, or belongs to an earlier delivery of this batch; the first of a batch wins.
   */
  async claim(deliveries: ReadonlyArray<readonly string[] | undefined>): Promise<DeliveryClaim[]> {
    const keys = [...new Set(deliveries.flatMap((own) => own ?? []))];
    if (keys.length === 0) return deliveries.map(() => 'unkeyed');
    const recordedNow = new Set(await this.whileLocked(() => this.store.record(keys)));
    const taken = new Set<string>();
    return deliveries.map((own) => {
      if (!own || own.length === 0) return 'unkeyed';
      if (own.some((key) => !recordedNow.has(key) || taken.has(key))) return 'repeat';
      for (const key of own) taken.add(key);
      return 'fresh';
    });
  }

  /** Forgets the keys of fresh deliveries whose write failed, so that a retry may write them. */
  async release(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.whileLocked(() => this.store.forget(keys));
  }

  private async whileLocked<T>(work: () => Promise<T>): Promise<T> {
    await this.lock();
    try {
      return await work();
    } finally {
      await this.store.unlock();
    }
  }

  /**
   * Waits until this caller creates the lock. A lock whose size stays the same for `staleLockMs`
   * is taken to be the same holder's, dead since, and removed; holders follow each other in
   * milliseconds and mostly differ in size, and any change (or a free moment) restarts that clock.
   */
  private async lock(): Promise<void> {
    let lastSize = -1;
    let sameSince = this.now();
    for (let attempt = 0; ; attempt++) {
      const size = await this.store.lockSize();
      if (size === 0) {
        if (await this.store.tryLock(this.tokens())) return;
        lastSize = -1;
        sameSince = this.now();
      } else if (size !== lastSize) {
        lastSize = size;
        sameSince = this.now();
      } else if (this.now() - sameSince >= this.staleLockMs) {
        await this.store.unlock();
        lastSize = -1;
        sameSince = this.now();
        continue;
      }
      const step = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 1.5 ** attempt);
      await this.options.sleep(Math.round(step / 2 + (this.random() * step) / 2));
    }
  }

  private tokens(): string[] {
    const count = 1 + Math.floor(this.random() * MOST_TOKENS);
    return Array.from({ length: count }, (_, i) => `delivery-ledger-lock:${i}`);
  }
}
