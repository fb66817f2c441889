/**
 * A free port for n8n, which needs its number up front (it cannot report a listen(0) port back),
 * and binds it only minutes later. The port is taken below the kernel's ephemeral range: every
 * listen(0) in the test tree (sandboxes, receivers, suites running beside this one) and every
 * outgoing connection gets a port inside that range, so none of them can take this one meanwhile.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Candidates start here: far above the well-known ports and the usual fixed ones (5678, 8787). */
const LOWEST = 20_000;
/** Linux's default first ephemeral port, and below macOS's 49152: used when /proc does not say. */
const DEFAULT_EPHEMERAL_START = 32_768;
/** Bounded: a handful of tries finds a free port unless something is badly wrong. */
const ATTEMPTS = 50;

export async function freePort(): Promise<number> {
  const end = ephemeralStart();
  if (end - LOWEST < 1000) throw new Error(`the ephemeral port range starts at ${end}: no room below it for a fixed port`);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (end - LOWEST));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${end - 1} after ${ATTEMPTS} tries`);
}

function ephemeralStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > 0) return low;
  } catch {
    // Not Linux: the default below.
  }
  return DEFAULT_EPHEMERAL_START;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
