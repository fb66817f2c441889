/**
 * An HTTP proxy on 127.0.0.1 in front of a sandbox that makes chosen calls fail: it answers them
 * itself with a status, or drops the connection without an answer. Everything else is forwarded
 * unchanged. Used where a sandbox has no fault switch of its own (GoOut) or where only one kind of
 * call should fail (the refresh call, one refresh variant).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}

/** A status to answer with, `reset` to drop the connection, undefined to forward. */
export type FaultRule = (request: ProxiedRequest) => number | 'reset' | undefined;

export interface FaultProxy {
  url: string;
  /** Calls the rule failed. */
  faults(): number;
  setRule(rule: FaultRule): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, initial: FaultRule): Promise<FaultProxy> {
  let rule = initial;
  let faults = 0;
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://proxy');
      const verdict = rule({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body: body.toString('utf8') });
      if (verdict === 'reset') {
        faults++;
        req.socket.destroy();
        return;
      }
      if (verdict !== undefined) {
        faults++;
        res.writeHead(verdict, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `injected ${verdict}` }));
        return;
      }
      // Forwarded with fetch, not http.request: the app tester patches http.request in this
      // process and would log the proxy's own requests as if the app had made them.
      const headers = Object.fromEntries(Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      delete headers.host;
      delete headers['content-length'];
      fetch(`${upstream.origin}${req.url ?? '/'}`, { method: req.method, headers, body: body.length ? body : undefined })
        .then(async (answer) => {
          res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults: () => faults,
    setRule: (next) => {
      rule = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
