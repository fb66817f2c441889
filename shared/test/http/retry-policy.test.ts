import { NetworkFault, RateLimiter, buildUrl, finalAnswer, parseRetryAfter, rateWindowPauseMs, secondsLeftRateWindow, sendWithPolicy, type HttpResponse, type HttpTransport } from '@ecomail-bridge/shared';
import { virtualTime } from '../virtual-time';

const request = { method: 'GET' as const, url: 'http://127.0.0.1/x' };
const reply = (status: number, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body: {} });

function scripted(answers: Array<HttpResponse | Error>): HttpTransport & { calls: number } {
  const send = async () => {
    transport.calls++;
    const next = answers.shift() ?? reply(200);
    if (next instanceof Error) throw next;
    return next;
  };
  const transport: HttpTransport & { calls: number } = Object.assign(send, { calls: 0 });
  return transport;
}

describe('sendWithPolicy', () => {
  it('waits Retry-After on 429 and then succeeds', async () => {
    const time = virtualTime();
    const transport = scripted([reply(429, { 'retry-after': '7' }), reply(200)]);
    const response = await sendWithPolicy(request, { transport, ...time });
    expect(response.status).toBe(200);
    expect(transport.calls).toBe(2);
    expect(time.elapsed()).toBe(7_000);
  });

  it('falls back to 60 s when a 429 has no Retry-After', async () => {
    const time = virtualTime();
    await sendWithPolicy(request, { transport: scripted([reply(429), reply(200)]), ...time });
    expect(time.elapsed()).toBe(60_000);
  });

  it('backs off exponentially on 429s without Retry-After when told to, and still honours the header', async () => {
    const time = virtualTime();
    const transport = scripted([reply(429), reply(429), reply(429, { 'retry-after': '3' }), reply(429), reply(200)]);
    const retry = { throttleWithoutRetryAfter: 'backoff' as const };
    await sendWithPolicy(request, { transport, ...time, retry, random: () => 1 });
    expect(time.slept).toEqual([500, 1000, 3000, 4000]);
  });

  it('retries 5xx and network faults with growing, bounded backoff', async () => {
    const time = virtualTime();
    const transport = scripted([reply(503), new Error('ECONNRESET'), reply(502), reply(200)]);
    const response = await sendWithPolicy(request, { transport, ...time, random: () => 1 });
    expect(response.status).toBe(200);
    expect(time.slept).toEqual([500, 1000, 2000]);
  });

  it('gives up after maxRetries network faults with a NetworkFault', async () => {
    const time = virtualTime();
    const transport = scripted(Array.from({ length: 10 }, () => Object.assign(new Error('boom'), { code: 'ECONNRESET' })));
    await expect(sendWithPolicy(request, { transport, ...time, retry: { maxRetries: 3 } })).rejects.toThrow(NetworkFault);
    expect(transport.calls).toBe(4);
  });

  it('throws a final answer of the transport once, unchanged, while the same error unmarked is retried', async () => {
    class ThrottledByHost extends Error {}
    const time = virtualTime();
    const answered = new ThrottledByHost('the host ends this step');
    const final = scripted([finalAnswer(answered), reply(200)]);
    const caught = await sendWithPolicy(request, { transport: final, ...time, retry: { maxRetries: 3 } }).catch((error: unknown) => error);
    expect(caught).toBe(answered);
    expect(final.calls).toBe(1);
    expect(time.slept).toEqual([]);

    const lost = scripted(Array.from({ length: 4 }, () => new ThrottledByHost('socket hang up')));
    const fault = await sendWithPolicy(request, { transport: lost, ...time, retry: { maxRetries: 3 }, random: () => 1 }).catch((error: unknown) => error);
    expect(fault).toBeInstanceOf(NetworkFault);
    expect((fault as NetworkFault).message).toBe('no answer after 4 attempts (socket hang up)');
    expect(lost.calls).toBe(4);
    expect(time.slept).toEqual([500, 1000, 2000]);
  });

  it('returns the last 5xx after the retries run out, and never retries other 4xx', async () => {
    const time = virtualTime();
    const fiveHundreds = scripted(Array.from({ length: 10 }, () => reply(500)));
    expect((await sendWithPolicy(request, { transport: fiveHundreds, ...time, retry: { maxRetries: 2 } })).status).toBe(500);
    expect(fiveHundreds.calls).toBe(3);
    const badRequest = scripted([reply(422)]);
    expect((await sendWithPolicy(request, { transport: badRequest, ...time })).status).toBe(422);
    expect(badRequest.calls).toBe(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('repeats array keys with [] and skips undefined', () => {
    expect(buildUrl('http://h/p', { saleIds: [1, 2], include: 'tickets', x: undefined })).toBe(
      'http://h/p?saleIds[]=1&saleIds[]=2&include=tickets',
    );
    expect(buildUrl('http://h/p?a=1', { b: 'c d' })).toBe('http://h/p?a=1&b=c%20d');
  });
});

describe('sendWithPolicy with a reported rate window (X-RateLimit-*, Reset in seconds left)', () => {
  const windowHeaders = (remaining: number, reset: number, limit = 100) => ({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(reset),
  });

  it('waits for the window to reset on a 429 that has no Retry-After', async () => {
    const time = virtualTime();
    const transport = scripted([reply(429, windowHeaders(0, 12)), reply(200, windowHeaders(99, 600))]);
    const response = await sendWithPolicy(request, { transport, ...time, rateWindow: secondsLeftRateWindow });
    expect(response.status).toBe(200);
    expect(time.slept).toEqual([12_000]);
  });

  it('prefers Retry-After, and waits at least a second when the window resets "now"', async () => {
    const time = virtualTime();
    const transport = scripted([reply(429, { ...windowHeaders(0, 40), 'retry-after': '3' }), reply(429, windowHeaders(0, 0)), reply(200)]);
    await sendWithPolicy(request, { transport, ...time, rateWindow: secondsLeftRateWindow });
    expect(time.slept).toEqual([3_000, 1_000]);
  });

  it('holds the next call until the reset when a success says the window is spent', async () => {
    const time = virtualTime();
    const limiter = new RateLimiter(1000, 1000, time.now, time.sleep);
    const transport = scripted([reply(200, windowHeaders(0, 30)), reply(200, windowHeaders(99, 600))]);
    await sendWithPolicy(request, { transport, ...time, limiter, rateWindow: secondsLeftRateWindow });
    expect(time.elapsed()).toBe(0);
    await sendWithPolicy(request, { transport, ...time, limiter, rateWindow: secondsLeftRateWindow });
    expect(time.elapsed()).toBe(30_000);
  });

  it('waits for a reported reset before backing off, when a client chose both', async () => {
    const time = virtualTime();
    const transport = scripted([reply(429, windowHeaders(0, 7)), reply(429), reply(200)]);
    const retry = { throttleWithoutRetryAfter: 'backoff' as const };
    await sendWithPolicy(request, { transport, ...time, retry, random: () => 1, rateWindow: secondsLeftRateWindow });
    expect(time.slept).toEqual([7_000, 1_000]);
  });

  it('ignores the headers unless the client opts in (other APIs count Reset in epoch seconds)', async () => {
    const time = virtualTime();
    const transport = scripted([reply(429, windowHeaders(0, 1_900_000_000)), reply(200)]);
    await sendWithPolicy(request, { transport, ...time });
    expect(time.slept).toEqual([60_000]);
  });
});

describe('rateWindowPauseMs', () => {
  it('is the rest of the window when none is left, an even share when few are, else nothing', () => {
    expect(rateWindowPauseMs({ remaining: 0, resetMs: 8_000 })).toBe(8_000);
    expect(rateWindowPauseMs({ limit: 1000, remaining: 99, resetMs: 10_000 })).toBe(100);
    expect(rateWindowPauseMs({ limit: 1000, remaining: 100, resetMs: 10_000 })).toBe(0);
    expect(rateWindowPauseMs({ remaining: 5, resetMs: 10_000 })).toBe(0);
  });

  it('reads the three headers, and nothing when one of Remaining or Reset is missing', () => {
    const headers = { 'x-ratelimit-limit': '30000', 'x-ratelimit-remaining': '29990', 'x-ratelimit-reset': '432' };
    expect(secondsLeftRateWindow(reply(200, headers))).toEqual({ limit: 30000, remaining: 29990, resetMs: 432_000 });
    expect(secondsLeftRateWindow(reply(200, { 'x-ratelimit-remaining': '5' }))).toBeUndefined();
    expect(secondsLeftRateWindow(reply(200, { 'x-ratelimit-remaining': 'x', 'x-ratelimit-reset': '2' }))).toBeUndefined();
  });
});
