import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bulk calls of 3,000 contacts are a few MB at most; anything far bigger is a client bug. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export type Query = Record<string, string | string[]>;

export interface ParsedBody {
  /** Parsed JSON, raw text when not JSON, undefined when empty. */
  value: unknown;
  malformed: boolean;
  tooLarge: boolean;
}

export function readBody(req: IncomingMessage): Promise<ParsedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (tooLarge) return resolve({ value: undefined, malformed: false, tooLarge });
      if (text.trim() === '') return resolve({ value: undefined, malformed: false, tooLarge });
      try {
        resolve({ value: JSON.parse(text) as unknown, malformed: false, tooLarge });
      } catch {
        resolve({ value: text, malformed: true, tooLarge });
      }
    });
  });
}

/** `k[]=v` and repeated keys become arrays, like PHP/Laravel read them. */
export function parseQuery(params: URLSearchParams): Query {
  const query: Query = {};
  for (const [rawKey, value] of params) {
    const isArray = rawKey.endsWith('[]');
    const key = isArray ? rawKey.slice(0, -2) : rawKey;
    const previous = query[key];
    if (previous === undefined) query[key] = isArray ? [value] : value;
    else query[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return query;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
