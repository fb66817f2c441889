/**
 * How many requests per window one process allows itself on an API key, learnt from the server
 * (docs/ecomail-api.md §1.2). Other processes may use the same key — the workers of an n8n in queue
 * mode, a CLI run beside it — and only the server sees their sum. So the allowance starts at the
 * documented limit, drops steeply when the server refuses (429) and creeps back while callers queue
 * for it, which lets several processes settle together just under the limit instead of each
 * bursting up to it and being refused again (shared/test/http/shared-key-convergence.test.ts).
 */

/** Never below this share of the limit: up to 20 processes can still share a key. */
const FLOOR_SHARE = 0.05;
/** After a refusal: this share of what the process sent in the window the server found full… */
const CUT = 0.8;
/** …but never less than this share of the allowance at once: a refusal may be a passing one. */
const DEEPEST_CUT = 0.5;
/** Refusals closer together than this share of a window are one overload, cut once. */
const CUT_SPACING_SHARE = 0.25;
/**
 * Growth per window used up without a refusal, as a share of the allowance: the processes on a key
 * together grow by this share, however many they are.
 */
const GROWTH_SHARE = 0.05;

export class RateAllowance {
  private value: number;
  private ceiling: number;
  private lastChangeAt: number;
  private lastCutAt = -Infinity;
  private sentSinceCut = 0;
  private sentSinceChange = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    startMs: number,
  ) {
    this.value = limit;
    this.ceiling = limit;
    this.lastChangeAt = startMs;
  }

  get current(): number {
    return this.value;
  }

  /** One request was let through. */
  sent(): void {
    this.sentSinceCut++;
    this.sentSinceChange++;
  }

  /**
   * The server refused: the key's window is full, and this process sent `inWindow` of it. If every
   * process on the key keeps to 80 % of what it sent, together they stay under the limit. Refusals
   * of requests sent before the last cut tell nothing new and change nothing.
   */
  refused(nowMs: number, inWindow: number): void {
    if (this.sentSinceCut === 0 || nowMs - this.lastCutAt < this.windowMs * CUT_SPACING_SHARE) return;
    const share = Math.min(this.value, inWindow) * CUT;
    this.value = Math.max(this.floor, Math.floor(Math.max(share, this.value * DEEPEST_CUT)));
    this.lastCutAt = nowMs;
    this.changed(nowMs);
  }

  /** The server named its limit per window (`X-RateLimit-Limit`): never allow more than that. */
  reportedLimit(limit: number): void {
    this.ceiling = Math.min(this.limit, limit);
    this.value = Math.min(this.value, this.ceiling);
  }

  /**
   * A caller is waiting because the allowance is used up. Once a whole window has passed since the
   * last change and a whole allowance was sent in it without a refusal, the key evidently has room
   * for more: grow by a small step, so that the processes on a key probe upwards slowly together.
   */
  saturated(nowMs: number): void {
    if (this.value >= this.ceiling || nowMs - this.lastChangeAt < this.windowMs || this.sentSinceChange < this.value) return;
    this.value = Math.min(this.ceiling, this.value + Math.max(1, Math.round(this.value * GROWTH_SHARE)));
    this.changed(nowMs);
  }

  private changed(nowMs: number): void {
    this.lastChangeAt = nowMs;
    this.sentSinceCut = 0;
    this.sentSinceChange = 0;
  }

  private get floor(): number {
    return Math.max(1, Math.ceil(this.ceiling * FLOOR_SHARE));
  }
}
