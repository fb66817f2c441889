import http from 'node:http';
import https from 'node:https';

export interface ListWebhookEvent {
  email: string;
  status: 'SUBSCRIBED' | 'UNSUBSCRIBED';
  listId: number;
}

/** Generous: a receiver on a loaded machine may take seconds to answer, and a delivery given up is lost. */
const DELIVERY_TIMEOUT_MS = 60_000;

/**
 * Posts the list status webhook (docs/ecomail-api.md §9.1) `{payload: {email, status, listId, campaignId}}`.
 * Fire-and-forget like Ecomail: no retry, failures are swallowed and never reach the API caller.
 */
export class ListWebhook {
  private readonly inFlight = new Set<http.ClientRequest>();

  constructor(private readonly url: string | undefined) {}

  notify(event: ListWebhookEvent): void {
    if (!this.url) return;
    let target: URL;
    try {
      target = new URL(this.url);
    } catch {
      return;
    }
    const body = JSON.stringify({ payload: { ...event, campaignId: null } });
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: DELIVERY_TIMEOUT_MS,
      // A new connection per delivery: a kept-alive one can be closed by the receiver just as the
      // next delivery is written, and that delivery would be lost (there is no retry).
      agent: false,
    });
    this.inFlight.add(request);
    request.on('response', (response) => response.resume());
    request.on('timeout', () => request.destroy());
    request.on('error', () => undefined);
    request.on('close', () => this.inFlight.delete(request));
    request.end(body);
  }

  /** Aborts deliveries still under way so closing the sandbox leaves no open handles. */
  close(): void {
    for (const request of this.inFlight) request.destroy();
    this.inFlight.clear();
  }
}
