/** Process exit codes; README.md documents them for schedulers. */
export const ExitCode = {
  /** Everything the run took on arrived (or, with --max, the capped share of it). */
  ok: 0,
  /** The run finished but some items failed; the report lists them with reasons. */
  itemsFailed: 1,
  /** Wrong flags, missing credentials, unreadable files, unknown list. */
  usage: 2,
  /** Ecomail refused the API key or GoOut refused the refresh token: a human must reconnect. */
  auth: 3,
  /** Stopped early (signal, outage); the checkpoint lets the next run continue. */
  interrupted: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure that ends the run with a given exit code and a message for the user. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
