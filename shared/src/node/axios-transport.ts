import axios, { type AxiosInstance } from 'axios';
import http from 'node:http';
import https from 'node:https';
import { redactSecrets } from '../http/redact';
import { buildUrl } from '../http/url';
import type { HttpTransport } from '../ports';

export interface AxiosTransportOptions {
  /** Per-attempt timeout; generous, because a slow answer is retried rather than lost. */
  timeoutMs?: number;
  /** Sockets kept open per host; bulk backfills reuse them instead of reconnecting. */
  maxSockets?: number;
}

/**
 * The Node transport used by the CLI, the benchmarks and the tests. It resolves with every HTTP
 * status and rejects only when no answer came, leaving retries to the core's policy. Errors carry
 * only axios' code and its masked message, never the request config, so keys cannot leak.
 */
export function createAxiosTransport(options: AxiosTransportOptions = {}): HttpTransport {
  const instance: AxiosInstance = axios.create({
    timeout: options.timeoutMs ?? 120_000,
    validateStatus: () => true,
    maxRedirects: 0,
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
    transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: true },
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 }),
  });
  return async (request) => {
    try {
      const response = await instance.request({
        method: request.method,
        url: buildUrl(request.url, request.query),
        headers: {
          Accept: 'application/json',
          ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...request.headers,
        },
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        timeout: request.timeoutMs ?? options.timeoutMs ?? 120_000,
      });
      const headers: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(response.headers ?? {})) {
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value == null ? undefined : String(value);
      }
      const body = response.data === '' ? undefined : response.data;
      return { status: response.status, headers, body };
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      const fault = new Error(`${request.method} ${new URL(request.url).pathname}: ${redactSecrets(message ?? 'request failed')}`);
      (fault as Error & { code?: string }).code = code;
      throw fault;
    }
  };
}
