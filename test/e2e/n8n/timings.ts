/** Records how long each phase of the e2e run takes and prints the closing summary. */
export interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
}

export class StepLog {
  readonly results: StepResult[] = [];

  /** Runs one phase, recording its duration and outcome; rethrows so later phases are skipped. */
  async step<T>(name: string, run: () => Promise<T>, describe?: (value: T) => string): Promise<T> {
    const started = Date.now();
    process.stdout.write(`▶ ${name}\n`);
    try {
      const value = await run();
      const detail = describe?.(value);
      this.results.push({ name, ok: true, ms: Date.now() - started, detail });
      process.stdout.write(`  ✓ ${name} (${seconds(Date.now() - started)})${detail ? ` — ${detail}` : ''}\n`);
      return value;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.results.push({ name, ok: false, ms: Date.now() - started, detail });
      process.stdout.write(`  ✗ ${name} (${seconds(Date.now() - started)}) — ${detail}\n`);
      throw error;
    }
  }

  /** Like step(), but a failure is recorded and the run goes on, so one report shows every check. */
  async check(name: string, run: () => Promise<string>): Promise<void> {
    await this.step(name, run, (detail) => detail).catch(() => undefined);
  }

  get passed(): number {
    return this.results.filter((r) => r.ok).length;
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }

  summary(totalMs: number, title = 'real-n8n e2e summary'): string {
    const width = Math.max(...this.results.map((r) => r.name.length), 10);
    const lines = this.results.map(
      (r) => `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(width)} ${seconds(r.ms).padStart(7)}${r.ok ? '' : `  ${r.detail ?? ''}`}`,
    );
    return ['', title, ...lines, `  total ${seconds(totalMs)}`].join('\n');
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
