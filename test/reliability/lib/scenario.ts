/**
 * What one scenario measured. `lost` and `duplicated` are counted against an expectation computed
 * independently of the code under test (the sandbox dataset, the inputs we built), never against
 * what the code says it did.
 */
export interface Tally {
  /** What is counted, e.g. "contacts", "events", "tags". */
  unit: string;
  expected: number;
  present: number;
  duplicated: number;
  lost: number;
}

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface ScenarioResult {
  id: string;
  title: string;
  /** Human-readable list of what was injected, with counts. */
  faults: string[];
  faultCount: number;
  tallies: Tally[];
  /** Items refused or failed, with the reason the code gave (a sample when there are many). */
  refused: Array<{ item: string; reason: string }>;
  refusedTotal: number;
  checks: Check[];
  notes: string[];
  durationMs: number;
  /** Set when the scenario itself threw. */
  crash?: string;
}

export function passed(result: ScenarioResult): boolean {
  return (
    !result.crash &&
    result.checks.every((check) => check.ok) &&
    result.tallies.every((tally) => tally.lost === 0 && tally.duplicated === 0)
  );
}

/** Collects a scenario's figures while it runs. */
export class Recorder {
  readonly faults: string[] = [];
  faultCount = 0;
  readonly tallies: Tally[] = [];
  readonly refused: Array<{ item: string; reason: string }> = [];
  refusedTotal = 0;
  readonly checks: Check[] = [];
  readonly notes: string[] = [];

  fault(description: string, count: number): void {
    this.faults.push(`${description}: ${count}`);
    this.faultCount += count;
  }

  tally(tally: Tally): void {
    this.tallies.push(tally);
  }

  refuse(item: string, reason: string): void {
    this.refusedTotal++;
    if (this.refused.length < 40) this.refused.push({ item, reason });
  }

  check(name: string, ok: boolean, detail?: string): boolean {
    this.checks.push({ name, ok, detail });
    return ok;
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

/**
 * Counts expected items against the items present (a multiset): lost = expected but absent,
 * duplicated = present more often than expected.
 */
export function compare(unit: string, expected: Iterable<string>, present: Iterable<string>): Tally {
  const want = countOf(expected);
  const have = countOf(present);
  let lost = 0;
  let duplicated = 0;
  let expectedTotal = 0;
  let presentTotal = 0;
  for (const [key, n] of want) {
    expectedTotal += n;
    const got = have.get(key) ?? 0;
    if (got < n) lost += n - got;
  }
  for (const [key, n] of have) {
    presentTotal += n;
    const allowed = want.get(key) ?? 0;
    if (n > allowed && allowed > 0) duplicated += n - allowed;
  }
  return { unit, expected: expectedTotal, present: presentTotal, duplicated, lost };
}

function countOf(items: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
