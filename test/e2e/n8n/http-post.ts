/**
 * A POST with exactly the bytes and content type given — or no content type at all, which
 * fetch() cannot send (it labels a string body text/plain). The webhook checks need both.
 */
import http from 'node:http';

export interface RawResponse {
  status: number;
  body: string;
}

export function postRaw(url: string, body: string, contentType: string | undefined, timeoutMs = 15_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { 'content-length': Buffer.byteLength(body) };
    if (contentType !== undefined) headers['content-type'] = contentType;
    const request = http.request(url, { method: 'POST', headers, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('timeout', () => request.destroy(new Error(`POST ${url} got no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
