import {
  SalesManagoClient,
  createNodeRuntime,
  salesManagoDestination,
  type RetryInfo,
  type SalesManagoClientOptions,
  type SalesManagoDestination,
  type StateStore,
} from '@ecomail-bridge/shared/node';
import type { SalesManagoSandbox } from '../sandbox/salesmanago';

/** The API key our tests choose (SALESmanago issues none); long enough to be masked as a known secret. */
export const TEST_API_KEY = 'bridge-test-key-7f2c';

/**
 * A client on the sandbox's account. Fast pace and short backoff steps, so fault tests do not
 * wait seconds; everything else is the production policy.
 */
export function clientFor(sandbox: SalesManagoSandbox, options: Partial<SalesManagoClientOptions> & { retries?: RetryInfo[] } = {}): SalesManagoClient {
  const { retries, ...rest } = options;
  return new SalesManagoClient({
    ...createNodeRuntime(),
    baseUrl: sandbox.url,
    clientId: sandbox.account.clientId,
    apiSecret: sandbox.account.apiSecret,
    owner: sandbox.account.owner,
    apiKey: TEST_API_KEY,
    requestsPerSecond: 1000,
    retry: { baseDelayMs: 5, maxDelayMs: 40 },
    onRetry: retries && ((info) => retries.push(info)),
    ...rest,
  });
}

/** The destination every shell builds, on the sandbox's account (same pace and backoff as `clientFor`). */
export function destinationFor(sandbox: SalesManagoSandbox, options: Partial<SalesManagoClientOptions> & { state?: StateStore } = {}): SalesManagoDestination {
  return salesManagoDestination(clientFor(sandbox, options), { state: options.state });
}
