/** The machine a benchmark ran on, for the results file. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function describeMachine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() already named it.
  }
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return `${os.cpus().length} cores (${cpu}), ${gib(os.totalmem())} RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}
