/** One Ecomail sandbox and an appTester for the Ecomail app, per test file. */
import { startEcomailSandbox, type EcomailSandbox, type EcomailSandboxOptions } from '../../../test/sandbox/ecomail';
import EcomailApp from '../../src/ecomail';
import { tester, type Loose } from '../app-tester';

export const App: Loose = EcomailApp;
export const appTester = tester(EcomailApp);

export async function ecomailHarness(options: EcomailSandboxOptions = {}) {
  const sandbox: EcomailSandbox = await startEcomailSandbox(options);
  const authData = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
  return { sandbox, authData };
}
