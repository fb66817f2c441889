import type { Env } from './config';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Env;
  cwd: string;
  /** True once the user asked the run to stop (SIGINT/SIGTERM). */
  stopRequested: () => boolean;
}
