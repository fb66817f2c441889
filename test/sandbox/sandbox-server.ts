import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './ecomail/http-io';
import { createLatency } from './latency';

/**
 * Node's default of 5 s lets the server close an idle kept-alive socket just as a client (a
 * starved CLI child on a loaded machine) sends its next request on it: that request fails with a
 * reset nobody injected. Longer than any pause in a test; close() ends idle sockets anyway.
 */
const KEEP_ALIVE_MS = 30_000;

export interface SandboxServer {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  /** Waits `ms` (injected latency); waits still pending are dropped when the server closes. */
  delay(ms: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The HTTP life of the Ecomail and GetResponse sandboxes: one async handler per request on
 * 127.0.0.1 (0 = a free port), a handler that throws answers 500 instead of crashing the test
 * process, and close() ends kept-alive sockets and pending latency after `beforeClose`.
 */
export async function startSandboxServer(
  port: number,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  beforeClose: () => void = () => undefined,
): Promise<SandboxServer> {
  const latency = createLatency();
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { message: 'Sandbox internal error' });
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  const listening = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${listening}`,
    delay: latency.delay,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        beforeClose();
        latency.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
