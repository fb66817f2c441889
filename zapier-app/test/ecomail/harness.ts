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

/**
 * One sandbox for the test file, emptied before each test, and `run(create, inputData)` against
 * it. `h()` gives the harness once `beforeAll` has run.
 */
export function sandboxPerFile(options: EcomailSandboxOptions = {}) {
  let harness: Awaited<ReturnType<typeof ecomailHarness>>;
  beforeAll(async () => {
    harness = await ecomailHarness(options);
  });
  afterAll(() => harness.sandbox.close());
  beforeEach(() => harness.sandbox.state.reset());
  const h = () => harness;
  const run = (key: string, inputData: Record<string, unknown>): Promise<Loose> =>
    appTester(App.creates[key].operation.perform, { authData: harness.authData, inputData });
  return { h, run };
}
