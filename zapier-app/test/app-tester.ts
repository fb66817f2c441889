/**
 * A loosely typed appTester for tests: the app definitions' generated types make every perform
 * optional and every result `{}`, which adds nothing in a test that checks results itself.
 */
import zapier from 'zapier-platform-core';

export type Loose = any;

export function tester(app: object) {
  const appTester = zapier.createAppTester(app);
  return (method: unknown, bundle: Record<string, unknown> = {}): Promise<Loose> => appTester(method as never, bundle as never);
}
