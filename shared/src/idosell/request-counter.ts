/**
 * Counts the requests a run sends to IdoSell, retries included: a CLOUD shop pays for each one
 * against its monthly cap (docs/idosell.md §5). An optional budget stops a run before it spends more.
 */
export class IdoSellRequestCounter {
  private readonly gates = new Map<string, number>();
  private count = 0;

  constructor(readonly budget?: number) {
    if (budget !== undefined && !(budget > 0)) throw new RangeError('the request budget must be positive');
  }

  get total(): number {
    return this.count;
  }

  /** Whether one more request would go over the budget. */
  exhausted(): boolean {
    return this.budget !== undefined && this.count >= this.budget;
  }

  add(gate: string): void {
    this.count++;
    this.gates.set(gate, (this.gates.get(gate) ?? 0) + 1);
  }

  byGate(): Record<string, number> {
    return Object.fromEntries(this.gates);
  }
}
