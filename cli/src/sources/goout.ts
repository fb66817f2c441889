import {
  GoOutClient,
  GoOutPurchaseSource,
  GoOutTokenManager,
  type GoOutPurchase,
  type Runtime,
  type StateStore,
} from '@ecomail-bridge/shared/node';
import type { ImportSource, SourceRecord } from '../import-source';

/** Where the core keeps its purchase cursor inside the checkpoint. */
const CURSOR_KEY = 'goout.purchases';

/** The CLI's part of a GoOut resume point: purchases sent after the core's cursor was last saved. */
interface GoOutPosition {
  done: string[];
}

export interface GoOutStreamOptions {
  /** The checkpoint's store: the core's cursor goes there, committed with each batch. */
  state: StateStore;
  /** The CLI position from the checkpoint, if resuming. */
  position: unknown;
  organizerId?: string;
  since?: string;
  /** Also import purchases already refunded when first read (absent: the core's default). */
  includeRefunded?: boolean;
}

/**
 * Purchases from the core's GoOutPurchaseSource, normalised and unmapped (the core's GoOut job maps
 * them), with an exact resume point.
 *
 * The core saves its cursor only now and then (each finished sale, every 500 purchases), and it
 * marks a purchase as taken when the next one is asked for. So after a confirmed batch the saved
 * cursor may lag a few hundred purchases behind what Ecomail has: those ids are kept in the
 * position and skipped when the next run meets them again. Cursor + ids cover every sent purchase
 * and nothing unsent, so a resume neither repeats nor loses one.
 */
export class GoOutStream implements ImportSource<GoOutPurchase> {
  private readonly generator: AsyncGenerator<GoOutPurchase>;
  /** Purchases received from the core, including ones skipped as already done. */
  private pulled = 0;
  /** How many of them the core's cursor would cover if it saved right now. */
  private covering = 0;
  /** Received purchases the last saved cursor does not cover yet, in order. */
  private uncovered: Array<{ index: number; id: string }> = [];
  /** Ids a previous run sent beyond its cursor; skipped once, then forgotten. */
  private readonly doneBefore: Set<string>;
  private resumedSkips = 0;
  private finished = false;

  constructor(
    private readonly source: GoOutPurchaseSource,
    options: GoOutStreamOptions,
  ) {
    const previous = options.position as GoOutPosition | undefined;
    this.doneBefore = new Set(Array.isArray(previous?.done) ? previous.done : []);
    const tracked: StateStore = {
      get: (key) => options.state.get(key),
      set: async (key, value) => {
        await options.state.set(key, value);
        if (key !== CURSOR_KEY) return;
        const covered = this.covering;
        this.uncovered = this.uncovered.filter((entry) => entry.index > covered);
      },
    };
    this.generator = source.purchases({
      organizerId: options.organizerId,
      since: options.since,
      includeRefunded: options.includeRefunded,
      state: tracked,
      stateKey: CURSOR_KEY,
    });
  }

  async next(): Promise<SourceRecord<GoOutPurchase> | undefined> {
    while (!this.finished) {
      // Asking for the next purchase is what tells the core the previous one is taken.
      this.covering = this.pulled;
      const step = await this.generator.next();
      if (step.done) {
        this.finished = true;
        // Every purchase the previous run sent beyond its cursor has come round again by now.
        this.doneBefore.clear();
        return undefined;
      }
      const purchase = step.value;
      this.pulled++;
      this.uncovered.push({ index: this.pulled, id: purchase.purchaseId });
      if (this.doneBefore.delete(purchase.purchaseId)) {
        this.resumedSkips++;
        continue;
      }
      return { ref: `purchase ${purchase.purchaseId}`, item: purchase };
    }
    return undefined;
  }

  async stop(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    // Stopping at a yield does not mark the purchase held there as taken.
    this.covering = Math.max(0, this.pulled - 1);
    await this.generator.return(undefined);
  }

  position(): GoOutPosition {
    return { done: [...this.uncovered.map((entry) => entry.id), ...this.doneBefore] };
  }

  stats(): Record<string, number> {
    return { ...this.source.stats, resumedAlreadySent: this.resumedSkips };
  }

  skips(): Record<string, number> {
    const { skippedNoEmail, skippedNoDate, skippedRefunded } = this.source.stats;
    return {
      'GoOut purchase without an e-mail address': skippedNoEmail,
      'GoOut purchase without a purchase time': skippedNoDate,
      'GoOut purchase already refunded when first read (--include-refunded imports it)': skippedRefunded,
    };
  }
}

export interface GoOutConnection {
  tokens: GoOutTokenManager;
  client: GoOutClient;
  source: GoOutPurchaseSource;
}

/** Token manager (rotated pairs persisted to `tokenState` before use), client and source. */
export function connectGoOut(input: {
  runtime: Required<Runtime>;
  baseUrl?: string;
  tokenState: StateStore;
  initial?: { accessToken: string; refreshToken: string };
  onTokens: (tokens: { accessToken: string; refreshToken: string }) => void;
}): GoOutConnection {
  const tokens = new GoOutTokenManager({
    baseUrl: input.baseUrl,
    transport: input.runtime.transport,
    sleep: input.runtime.sleep,
    now: input.runtime.now,
    initial: input.initial,
    state: input.tokenState,
    onTokens: input.onTokens,
  });
  const client = new GoOutClient({
    baseUrl: input.baseUrl,
    transport: input.runtime.transport,
    sleep: input.runtime.sleep,
    now: input.runtime.now,
    tokens,
  });
  return { tokens, client, source: new GoOutPurchaseSource(client) };
}
