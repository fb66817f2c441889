import { createReadStream, promises as fs } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import { mapEllityCustomer, type SubscriberData } from '@ecomail-bridge/shared/node';
import type { ImportSource, SourceRecord } from '../import-source';

/** Records already imported (and the last line they reached), so a resume skips them. */
interface CsvPosition {
  records: number;
  line: number;
}

/**
 * Ellity's customer export as the merchant downloads it: a header row with the docs/ellity.md §2
 * column names (any case), `;` or `,` between fields, UTF-8 with or without a BOM. A row that
 * cannot be parsed or has no valid e-mail becomes a reported failure; the others go on.
 */
export class EllityCsvStream implements ImportSource<SubscriberData> {
  total?: number;
  private parser?: Parser;
  private iterator?: AsyncIterator<{ record: Record<string, string>; info: { lines: number } }>;
  /** Parse errors not yet handed out (the parser reports them as it reads ahead). */
  private readonly parseProblems: Array<{ line: number; record: SourceRecord<SubscriberData> }> = [];
  private ended = false;
  private records = 0;
  private line = 0;
  private readonly resumeAt: CsvPosition;
  private skippedOnResume = 0;

  private constructor(
    private readonly file: string,
    private readonly delimiter: string,
    position: unknown,
  ) {
    const previous = position as Partial<CsvPosition> | undefined;
    this.resumeAt = { records: Number(previous?.records) || 0, line: Number(previous?.line) || 0 };
  }

  static async open(file: string, position: unknown): Promise<EllityCsvStream> {
    const stream = new EllityCsvStream(file, await detectDelimiter(file), position);
    stream.total = await stream.countRecords();
    return stream;
  }

  async next(): Promise<SourceRecord<SubscriberData> | undefined> {
    this.iterator ??= this.openParser()[Symbol.asyncIterator]();
    for (;;) {
      const problem = this.parseProblems.shift();
      if (problem) return problem.record;
      if (this.ended) return undefined;
      const step = await this.iterator.next();
      if (step.done) {
        this.ended = true;
        continue;
      }
      this.records++;
      this.line = step.value.info.lines;
      if (this.records <= this.resumeAt.records) {
        this.skippedOnResume++;
        continue;
      }
      return this.toRecord(step.value.record, step.value.info.lines);
    }
  }

  async stop(): Promise<void> {
    this.parser?.destroy();
  }

  position(): CsvPosition {
    // A parse problem not handed out yet must be reported by the resumed run, so stop short of it.
    const firstUnreported = Math.min(Infinity, ...this.parseProblems.map((problem) => problem.line - 1));
    return {
      records: Math.max(this.records, this.resumeAt.records),
      line: Math.max(Math.min(this.line, firstUnreported), this.resumeAt.line),
    };
  }

  stats(): Record<string, number> {
    return { rowsInFile: this.total ?? 0, resumedAlreadySent: this.skippedOnResume };
  }

  skips(): Record<string, number> {
    return {};
  }

  /** The row through the core's mapping of the Ellity export. */
  private toRecord(record: Record<string, string>, line: number): SourceRecord<SubscriberData> {
    const contact = mapEllityCustomer(record);
    const ref = `line ${line}`;
    return contact ? { ref, item: contact } : { ref, item: null, problem: 'no valid e-mail address in the row' };
  }

  private openParser(): Parser {
    const parser = createReadStream(this.file).pipe(
      parse({
        bom: true,
        delimiter: this.delimiter,
        columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        skip_records_with_error: true,
      }),
    );
    parser.on('skip', (error: Error & { lines?: number }) => {
      // A resumed run parses the file again: problems before the resume point were reported then.
      if (error.lines !== undefined && error.lines <= this.resumeAt.line) return;
      const line = error.lines ?? this.line + 1;
      this.parseProblems.push({ line, record: { ref: `line ${line}`, item: null, problem: `unreadable row: ${error.message}` } });
    });
    this.parser = parser;
    return parser;
  }

  /** Rows in the file, for the progress bar's ETA; a cheap first pass. */
  private async countRecords(): Promise<number> {
    let count = 0;
    const counter = createReadStream(this.file).pipe(
      parse({ bom: true, delimiter: this.delimiter, from_line: 2, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true }),
    );
    for await (const _row of counter) count++;
    return count;
  }
}

/** `;` when the header line has more semicolons than commas (Czech Excel's default), else `,`. */
async function detectDelimiter(file: string): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const header = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const count = (char: string) => header.split(char).length - 1;
    return count(';') > count(',') ? ';' : ',';
  } finally {
    await handle.close();
  }
}
