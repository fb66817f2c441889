import http from 'node:http';
import https from 'node:https';

export interface ListWebhookEvent {
  email: string;
  status: 'SUBSCRIBED' | 'UNSUBSCRIBED';
  listId: number;
}

const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * Posts the list status webhook (§9.1) `{payload: {email, status, listId, campaignId}}`.
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
