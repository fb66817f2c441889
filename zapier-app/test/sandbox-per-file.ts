/**
 * One sandbox for a test file, emptied before each test (and the app's z.cache with it), and
 * `run(create, inputData)` of an app's
 * create against it through the app tester. `h()` gives the sandbox and the connection's auth data
 * once `beforeAll` has run.
 */
import { tester, type Loose } from './app-tester';

interface Sandbox {
  state: { reset(): void };
  close(): Promise<void>;
}

export function sandboxPerFile<S extends Sandbox>(app: Loose, start: () => Promise<S>, authDataOf: (sandbox: S) => Record<string, string>) {
  const appTester = tester(app);
  let harness: { sandbox: S; authData: Record<string, string> };
  beforeAll(async () => {
    const sandbox = await start();
    harness = { sandbox, authData: authDataOf(sandbox) };
  });
  afterAll(() => harness.sandbox.close());
  beforeEach(async () => {
    harness.sandbox.state.reset();
    await appTester(async () => null, {}, true);
  });
  const h = () => harness;
  const run = (key: string, inputData: Record<string, unknown>, authData: Record<string, string> = harness.authData): Promise<Loose> =>
    appTester(app.creates[key].operation.perform, { authData, inputData });
  return { h, run, appTester };
}
