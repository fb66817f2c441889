/**
 * Stands in for Ellity's inbound "subscription changed" URL (docs/ellity.md §5): records every POSTed
 * JSON body so the e2e can see what the Ellity node sent. Anything else (another method or path,
 * a body that is not a JSON object) is answered 400 and recorded, never thrown in the server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EllityReceiver {
  url: string;
  bodies(): unknown[];
  /** One line per request answered 400; the e2e expects none. */
  rejected(): string[];
  close(): Promise<void>;
}

const PATH = '/ellity/subscriptions';

export async function startEllityReceiver(): Promise<EllityReceiver> {
  const bodies: unknown[] = [];
  const rejected: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    // Paths only in the record: a query may carry a key.
    const path = (request.url ?? '/').split('?')[0];
    request.on('error', () => rejected.push(`${request.method} ${path}: broke off before its body ended`));
    request.on('end', () => {
      const verdict = check(request.method, path, Buffer.concat(chunks).toString('utf8'));
      if (typeof verdict === 'string') {
        rejected.push(`${request.method} ${path}: ${verdict}`);
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: verdict }));
        return;
      }
      bodies.push(verdict.body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${PATH}`,
    bodies: () => bodies.slice(),
    rejected: () => rejected.slice(),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The parsed body, or why the request is not a notice. */
function check(method: string | undefined, path: string, text: string): { body: unknown } | string {
  if (method !== 'POST') return `method ${method}, expected POST`;
  if (path !== PATH) return `path ${path}, expected ${PATH}`;
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? { body } : `body is not a JSON object: ${text.slice(0, 80)}`;
  } catch {
    return text === '' ? 'empty body' : `body is not JSON: ${text.slice(0, 80)}`;
  }
}
