import { IdoSellClient, IdoSellRequestCounter, createNodeRuntime } from '@ecomail-bridge/shared/node';
import type { IdoSellSandbox } from '../sandbox/idosell';

/** A client of the sandbox shop; fast retries so fault tests do not wait. */
export function sandboxClient(sandbox: IdoSellSandbox, options: { budget?: number; apiKey?: string; version?: string } = {}): IdoSellClient {
  return new IdoSellClient({
    shopUrl: `${sandbox.url}/panel/`,
    apiKey: options.apiKey ?? sandbox.apiKey,
    apiVersion: options.version,
    counter: new IdoSellRequestCounter(options.budget),
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...createNodeRuntime(),
  });
}

/** Every product id and client id the shop was asked for, in order (repeats kept). */
export function lookups(sandbox: IdoSellSandbox): { products: number[]; clients: number[] } {
  const requests = sandbox.state.requests();
  return {
    products: requests
      .filter((r) => r.gate === '/products/products/search')
      .flatMap((r) => (r.body as { params: { productParams: Array<{ productId: string }> } }).params.productParams.map((p) => Number(p.productId))),
    clients: requests.filter((r) => r.gate === '/clients/clients').flatMap((r) => (r.query?.clientsIds ?? '').split(',').map(Number)),
  };
}

/** Requests per gate, from the sandbox's own log. */
export function gateCounts(sandbox: IdoSellSandbox): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of sandbox.state.requests()) counts[request.gate] = (counts[request.gate] ?? 0) + 1;
  return counts;
}
