import { SingleBar } from 'cli-progress';
import type { Counters } from './counters';

/** How the importer reports progress; one implementation per kind of terminal. */
export interface Progress {
  start(total: number | undefined): void;
  update(counts: Counters): void;
  stop(counts: Counters): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A bar with rate and ETA on a terminal; plain periodic lines in logs and CI. */
export function createProgress(stream: ProgressStream, redact: (text: string) => string, plainEveryMs = 10_000): Progress {
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream, redact, plainEveryMs);
}

class BarProgress implements Progress {
  private bar?: SingleBar;
  private startedAt = 0;

  constructor(private readonly stream: ProgressStream) {}

  start(total: number | undefined): void {
    this.startedAt = Date.now();
    const known = total !== undefined;
    this.bar = new SingleBar({
      stream: this.stream as NodeJS.WritableStream,
      // Without a known total (GoOut does not say how many purchases exist) there is no ETA to show.
      format: known
        ? ' {bar} {percentage}% | {value}/{total} records | {rate}/s | ETA {eta_formatted} | {created} new, {updated} updated, {failed} failed'
        : ' {value} records | {rate}/s | {duration_formatted} | {created} new, {updated} updated, {failed} failed',
      hideCursor: true,
      etaBuffer: 50,
    });
    this.bar.start(total ?? 0, 0, { rate: '0', created: 0, updated: 0, failed: 0 });
  }

  update(counts: Counters): void {
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const rate = elapsed > 0 ? (counts.read / elapsed).toFixed(1) : '0';
    this.bar?.update(counts.read, { rate, created: counts.created, updated: counts.updated, failed: counts.failed });
  }

  stop(counts: Counters): void {
    this.update(counts);
    this.bar?.stop();
  }
}

class LineProgress implements Progress {
  private startedAt = 0;
  private lastLineAt = 0;
  private total?: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly redact: (text: string) => string,
    private readonly everyMs: number,
  ) {}

  start(total: number | undefined): void {
    this.startedAt = Date.now();
    this.lastLineAt = this.startedAt;
    this.total = total;
  }

  update(counts: Counters): void {
    if (Date.now() - this.lastLineAt < this.everyMs) return;
    this.lastLineAt = Date.now();
    this.line(counts);
  }

  stop(counts: Counters): void {
    this.line(counts);
  }

  private line(counts: Counters): void {
    const seconds = Math.max(0.001, (Date.now() - this.startedAt) / 1000);
    const rate = counts.read / seconds;
    const of = this.total === undefined ? '' : `/${this.total}`;
    const eta = this.total !== undefined && rate > 0 ? `, ETA ${Math.ceil((this.total - counts.read) / rate)} s` : '';
    this.stream.write(
      this.redact(
        `progress: ${counts.read}${of} records, ${counts.contacts} contacts (${counts.created} new, ${counts.updated} updated, ` +
          `${counts.skipped} skipped, ${counts.failed} failed), ${rate.toFixed(1)} records/s${eta}\n`,
      ),
    );
  }
}
