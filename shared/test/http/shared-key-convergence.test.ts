/**
 * Several processes (n8n queue-mode workers) on one API key, each with its own limiter, against a
 * server that enforces the key's limit in a sliding window and answers 429 + Retry-After like
 * Ecomail (docs/ecomail-api.md §1.2). The server here is a model of Ecomail's, not of our code; the
 * processes run the real retry policy and limiter.
 */
import { RateLimiter, sendWithPolicy, type HttpResponse, type HttpTransport } from '@ecomail-bridge/shared';
import { simulatedTime } from '../simulated-time';

const LIMIT = 1000;
const WINDOW_MS = 60_000;
const LATENCY_MS = 40;

type Clock = ReturnType<typeof simulatedTime>;

/** Ecomail's limit as the sandbox implements it: refused requests are not counted. */
function slidingWindowServer(clock: Clock) {
  const admitted: number[] = [];
  const refused: number[] = [];
  const transport: HttpTransport = async (): Promise<HttpResponse> => {
    const at = clock.now();
    const inWindow = admitted.filter((t) => t > at - WINDOW_MS);
    const status = inWindow.length < LIMIT ? 200 : 429;
    (status === 200 ? admitted : refused).push(at);
    const headers: Record<string, string> = {};
    if (status === 429) headers['retry-after'] = String(Math.ceil(Math.max(1, inWindow[inWindow.length - LIMIT] + WINDOW_MS - at) / 1000));
    await clock.sleep(LATENCY_MS);
    return { status, headers, body: {} };
  };
  const perMinute = (stamps: number[], minute: number) =>
    stamps.filter((t) => t >= clock.start + minute * WINDOW_MS && t < clock.start + (minute + 1) * WINDOW_MS).length;
  return { transport, admitted: (minute: number) => perMinute(admitted, minute), refused: (minute: number) => perMinute(refused, minute), refusedTotal: () => refused.length };
}

/** `processes` limiters, each with `senders` callers that always have another request to send. */
async function runBusyProcesses(processes: number, senders: number, minutes: number) {
  const clock = simulatedTime();
  const server = slidingWindowServer(clock);
  const end = clock.start + minutes * WINDOW_MS;
  const limiters = Array.from({ length: processes }, () => new RateLimiter(LIMIT, WINDOW_MS, clock.now, clock.sleep));
  let lost = 0;
  const sender = async (limiter: RateLimiter) => {
    while (clock.now() < end) {
      const response = await sendWithPolicy({ method: 'POST', url: 'http://127.0.0.1/x' }, { transport: server.transport, sleep: clock.sleep, now: clock.now, limiter });
      if (response.status !== 200) lost++;
    }
  };
  const running = limiters.flatMap((limiter) => Array.from({ length: senders }, () => sender(limiter)));
  await clock.runUntil(end + 10 * WINDOW_MS);
  await Promise.all(running);
  return { server, limiters, lost };
}

const minutes = (count: number, from = 0) => Array.from({ length: count - from }, (_, i) => i + from);

describe('several processes sharing one API key', () => {
  jest.setTimeout(60_000);

  it('two busy processes find their share in two minutes, then run just under the limit with a refusal every few minutes', async () => {
    const { server, limiters, lost } = await runBusyProcesses(2, 10, 20);
    expect(lost).toBe(0);
    for (const minute of minutes(20)) expect(server.admitted(minute)).toBeLessThanOrEqual(LIMIT);
    // Both burst to the limit at first and are refused together.
    expect(server.refused(0)).toBeGreaterThan(0);
    const settled = minutes(20, 2);
    // Settled: refusals only when the slow probe upwards touches the limit — at most one minute in
    // four, and then no more than the requests in flight at that moment.
    expect(settled.filter((minute) => server.refused(minute) > 0).length).toBeLessThanOrEqual(settled.length / 4);
    for (const minute of settled) expect(server.refused(minute)).toBeLessThanOrEqual(20);
    for (const minute of settled) expect(server.admitted(minute)).toBeGreaterThanOrEqual(0.85 * LIMIT);
    const mean = settled.reduce((sum, minute) => sum + server.admitted(minute), 0) / settled.length;
    expect(mean).toBeGreaterThanOrEqual(0.9 * LIMIT);
    const together = limiters.reduce((sum, limiter) => sum + limiter.currentAllowance, 0);
    expect(together).toBeGreaterThanOrEqual(0.8 * LIMIT);
    expect(together).toBeLessThanOrEqual(1.05 * LIMIT);
  });

  it('eight processes settle the same way, within four minutes', async () => {
    const { server, lost } = await runBusyProcesses(8, 3, 20);
    expect(lost).toBe(0);
    const settled = minutes(20, 4);
    expect(settled.filter((minute) => server.refused(minute) > 0).length).toBeLessThanOrEqual(settled.length / 4);
    for (const minute of settled) expect(server.refused(minute)).toBeLessThanOrEqual(24);
    for (const minute of settled) expect(server.admitted(minute)).toBeGreaterThanOrEqual(0.85 * LIMIT);
  });

  it('a process alone on its key is never refused and keeps the whole limit', async () => {
    const { server, limiters, lost } = await runBusyProcesses(1, 10, 5);
    expect(lost).toBe(0);
    expect(server.refusedTotal()).toBe(0);
    expect(limiters[0].currentAllowance).toBe(LIMIT);
    for (const minute of minutes(5)) expect(server.admitted(minute)).toBe(LIMIT);
  });
});
