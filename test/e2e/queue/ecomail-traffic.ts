/**
 * What reached the Ecomail sandbox from n8n's workers, from its call log: calls per minute, how
 * many the real limit (1,000 a minute per key) refused with 429, the injected faults, and the most
 * accepted in any sliding minute.
 */
import type { SandboxCall } from '../../sandbox/ecomail';

const MINUTE_MS = 60_000;
const INJECTED_ERRORS = new Set([500, 502, 503]);

export interface MinuteTraffic {
  minute: number;
  calls: number;
  accepted: number;
  refused429: number;
}

export interface EcomailTraffic {
  calls: number;
  accepted: number;
  refused429: number;
  injectedErrors: number;
  injectedResets: number;
  perMinute: MinuteTraffic[];
  /** Most calls the limit counted in any 60 s. */
  busiestMinute: number;
  /** First call to last call. */
  spanMs: number;
  /** Calls of the GoOut backfill (everything but the Ellity job's three endpoints), attempts and accepted. */
  backfillCalls: number;
  backfillAccepted: number;
}

/** Calls the sandbox's limit counted: past the injected faults, not refused. */
const counted = (call: SandboxCall) => call.status !== 0 && call.status !== 429 && !INJECTED_ERRORS.has(call.status);

const isEllityJob = (call: SandboxCall) =>
  call.path.startsWith('/lists/1/subscriber/') || call.path === '/lists/1/update-subscriber' || call.path === '/tracker/events';

export function ecomailTraffic(all: readonly SandboxCall[], since: number): EcomailTraffic {
  const calls = all.filter((call) => call.at >= since && !call.path.startsWith('/__sandbox'));
  const first = calls[0]?.at ?? since;
  const last = calls[calls.length - 1]?.at ?? since;
  const perMinute: MinuteTraffic[] = [];
  for (let minute = 0; first + minute * MINUTE_MS <= last; minute++) {
    const inMinute = calls.filter((call) => call.at >= first + minute * MINUTE_MS && call.at < first + (minute + 1) * MINUTE_MS);
    perMinute.push({ minute: minute + 1, calls: inMinute.length, accepted: inMinute.filter(counted).length, refused429: inMinute.filter((call) => call.status === 429).length });
  }
  const stamps = calls.filter(counted).map((call) => call.at);
  let busiestMinute = 0;
  for (let start = 0, end = 0; end < stamps.length; end++) {
    while (stamps[end] - stamps[start] >= MINUTE_MS) start++;
    busiestMinute = Math.max(busiestMinute, end - start + 1);
  }
  const backfill = calls.filter((call) => !isEllityJob(call));
  return {
    calls: calls.length,
    accepted: stamps.length,
    refused429: calls.filter((call) => call.status === 429).length,
    injectedErrors: calls.filter((call) => INJECTED_ERRORS.has(call.status)).length,
    injectedResets: calls.filter((call) => call.status === 0).length,
    perMinute,
    busiestMinute,
    spanMs: last - first,
    backfillCalls: backfill.length,
    backfillAccepted: backfill.filter(counted).length,
  };
}
