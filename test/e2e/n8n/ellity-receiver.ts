/**
 * Stands in for Ellity's inbound "subscription changed" URL (ellity.md §5): records every POSTed
 * JSON body so the e2e can see what the Ellity node sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EllityReceiver {
  url: string;
  bodies(): unknown[];
  close(): Promise<void>;
}

export async function startEllityReceiver(): Promise<EllityReceiver> {
  const bodies: unknown[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        bodies.push(JSON.parse(text));
      } catch {
        bodies.push(text);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ellity/subscriptions`,
    bodies: () => bodies.slice(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
