/**
 * The HTTP plumbing the GoOut and IdoSell sandboxes share: the whole request body as text, a
 * client that breaks off mid-request is ignored, a handler error answers 500 with its message
 * instead of crashing the test process, and close() also ends kept-alive sockets.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Above Node's 5 s: an idle kept-alive socket is not closed just as a slow client reuses it. */
const KEEP_ALIVE_MS = 30_000;

export interface TextServer {
  url: string;
  close(): Promise<void>;
}

export async function startTextServer(
  port: number,
  respond: (req: http.IncomingMessage, res: http.ServerResponse, text: string) => void,
): Promise<TextServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A client that breaks off mid-request gets no answer; nothing may throw here.
    req.on('error', () => undefined);
    req.on('end', () => {
      try {
        respond(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        if (res.headersSent) return void res.destroy();
        const message = `sandbox internal error: ${error instanceof Error ? error.message : String(error)}`;
        res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message }));
      }
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
