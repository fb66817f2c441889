/** The SALESmanago app against one SALESmanago sandbox per test file. */
import { startSalesManagoSandbox, type SalesManagoSandbox, type SalesManagoSandboxOptions } from '../../../test/sandbox/salesmanago';
import SalesManagoApp from '../../src/salesmanago';
import type { Loose } from '../app-tester';
import { sandboxPerFile } from '../sandbox-per-file';

export const App: Loose = SalesManagoApp;

/** The API key string our tests chose (SALESmanago issues none). */
export const API_KEY = 'zapier-test-key-3b9d';

export function authDataOf(sandbox: SalesManagoSandbox): Record<string, string> {
  return { endpoint: sandbox.url, clientId: sandbox.account.clientId, apiSecret: sandbox.account.apiSecret, apiKey: API_KEY, owner: sandbox.account.owner };
}

export const salesManagoPerFile = (options: SalesManagoSandboxOptions = {}) => sandboxPerFile(App, () => startSalesManagoSandbox(options), authDataOf);
