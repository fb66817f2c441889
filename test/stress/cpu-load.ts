/** Busy loops on every core, so the suite runs the way it does on a loaded CI machine. */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const BURNER = path.join(__dirname, 'burner.cjs');

export interface CpuLoad {
  stop(): void;
}

/** One burner per core; each also ends by itself after `maxMs`, even if nobody stops it. */
export function startCpuLoad(maxMs: number, burners = os.availableParallelism()): CpuLoad {
  const children: ChildProcess[] = [];
  for (let i = 0; i < burners; i++) {
    // The IPC channel is how a burner learns that this process went away; plain Node, no tsx loader.
    children.push(fork(BURNER, [String(maxMs)], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  }
  return {
    stop: () => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
