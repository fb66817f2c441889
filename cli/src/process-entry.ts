import { ExitCode } from './exit-codes';
import { main } from './main';

/**
 * The real process around `main`: streams, environment, signals, exit code. The first Ctrl+C (or
 * SIGTERM) lets the batch in flight finish and be checkpointed; a second one quits at once, which
 * is as safe as SIGKILL: the checkpoint only ever holds confirmed batches.
 */
export function runFromProcess(): void {
  let stopRequested = false;
  const onSignal = () => {
    if (stopRequested) process.exit(ExitCode.interrupted);
    stopRequested = true;
    process.stderr.write('\nStopping after the current batch (press Ctrl+C again to quit at once)…\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    stopRequested: () => stopRequested,
  }).then(
    (code) => {
      process.exitCode = code;
      // Keep-alive sockets would hold the process open for a while; the work is done.
      setImmediate(() => process.exit(code));
    },
    () => process.exit(ExitCode.interrupted),
  );
}
