/**
 * A pass-through HTTP proxy on 127.0.0.1 in front of a sandbox that rewrites JSON replies, for the
 * answers a sandbox never gives (e.g. a reply without an `id`, as Ecomail may send). Requests and
 * statuses pass unchanged.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Rewrite = (method: string, path: string, body: unknown) => unknown;

export async function startReplyProxy(target: string, rewrite: Rewrite): Promise<{ url: string; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const headers: IncomingHttpHeaders = { ...incoming.headers, host: upstream.host };
      const forward = request({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers }, (reply) => {
        const parts: Buffer[] = [];
        reply.on('data', (chunk: Buffer) => parts.push(chunk));
        reply.on('end', () => {
          let text = Buffer.concat(parts).toString('utf8');
          try {
            text = JSON.stringify(rewrite(incoming.method ?? 'GET', (incoming.url ?? '').split('?')[0], JSON.parse(text)));
          } catch {
            // Not JSON: passed on as it came.
          }
          const { 'content-length': _length, 'transfer-encoding': _encoding, ...replyHeaders } = reply.headers;
          outgoing.writeHead(reply.statusCode ?? 502, { ...replyHeaders, 'content-length': Buffer.byteLength(text) });
          outgoing.end(text);
        });
      });
      forward.on('error', () => outgoing.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
