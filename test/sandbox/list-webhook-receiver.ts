/**
 * A local receiver for the Ecomail sandbox's list webhook, for tests. It checks every request
 * (method, path, secret, JSON shape) and answers anything else with 400, recording why: a stray
 * or broken request then fails the test with that reason instead of throwing inside the server.
 */
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListWebhookBody {
  payload: { email: string; status: 'SUBSCRIBED' | 'UNSUBSCRIBED'; listId: number; campaignId: null };
}

export interface ListWebhookReceiver {
  url: string;
  received: ListWebhookBody[];
  /** One line per request answered 400; a test expects it empty. */
  rejected: string[];
  /** Resolves with the first delivery matching `match`; rejects after `timeoutMs`, naming any rejected requests. */
  waitFor(match: (body: ListWebhookBody) => boolean, timeoutMs?: number): Promise<ListWebhookBody>;
  close(): Promise<void>;
}

const PATH = '/hook';
/** A delivery is about 100 bytes; far more is not the sandbox talking. */
const MAX_BODY_BYTES = 64 * 1024;
/** Generous: a loaded machine delays a delivery by seconds, never by this much. */
const DEFAULT_WAIT_MS = 30_000;

export async function startListWebhookReceiver(): Promise<ListWebhookReceiver> {
  // Random per receiver, so a request meant for another receiver can never pass as ours.
  const secret = randomBytes(12).toString('hex');
  const received: ListWebhookBody[] = [];
  const rejected: string[] = [];
  const waiters: Array<{ match: (body: ListWebhookBody) => boolean; resolve: (body: ListWebhookBody) => void }> = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    // The path only in the record: the query holds the secret.
    const path = (req.url ?? '/').split('?')[0];
    req.on('error', () => rejected.push(`${req.method} ${path}: the request broke off before its body ended`));
    req.on('end', () => {
      const verdict = size > MAX_BODY_BYTES ? `body over ${MAX_BODY_BYTES} bytes` : check(req, Buffer.concat(chunks).toString('utf8'), secret);
      if (typeof verdict === 'string') {
        rejected.push(`${req.method} ${path}: ${verdict}`);
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: verdict }));
        return;
      }
      received.push(verdict);
      for (const waiter of waiters.filter((w) => w.match(verdict))) waiter.resolve(verdict);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATH}?secret=${secret}`,
    received,
    rejected,
    waitFor(match, timeoutMs = DEFAULT_WAIT_MS) {
      const earlier = received.find(match);
      if (earlier) return Promise.resolve(earlier);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const why = rejected.length > 0 ? `; rejected requests: ${rejected.join(' | ')}` : '';
          reject(new Error(`list webhook not delivered within ${timeoutMs} ms${why}`));
        }, timeoutMs);
        waiters.push({ match, resolve: (body) => (clearTimeout(timer), resolve(body)) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The delivery, or why it is not one. */
function check(req: IncomingMessage, text: string, secret: string): ListWebhookBody | string {
  // Split by hand: new URL() throws on some request targets, and nothing here may throw.
  const [path, query = ''] = (req.url ?? '/').split('?', 2);
  if (req.method !== 'POST') return `method ${req.method}, expected POST`;
  if (path !== PATH) return `path ${path}, expected ${PATH}`;
  if (new URLSearchParams(query).get('secret') !== secret) return 'wrong or missing secret';
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return `content-type "${req.headers['content-type'] ?? ''}", expected application/json`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text === '' ? 'empty body' : `body is not JSON: ${text.slice(0, 80)}`;
  }
  return isListWebhookBody(body) ? body : `not a list webhook body: ${text.slice(0, 200)}`;
}

function isListWebhookBody(body: unknown): body is ListWebhookBody {
  if (!isRecord(body) || !sameKeys(body, ['payload']) || !isRecord(body.payload)) return false;
  const { email, status, listId, campaignId } = body.payload;
  return (
    sameKeys(body.payload, ['campaignId', 'email', 'listId', 'status']) &&
    typeof email === 'string' &&
    (status === 'SUBSCRIBED' || status === 'UNSUBSCRIBED') &&
    Number.isInteger(listId) &&
    campaignId === null
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameKeys(value: Record<string, unknown>, keys: string[]): boolean {
  return JSON.stringify(Object.keys(value).sort()) === JSON.stringify(keys);
}
