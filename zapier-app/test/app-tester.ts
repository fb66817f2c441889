/**
 * A loosely typed appTester for tests: the app definitions' generated types make every perform
 * optional and every result `{}`, which adds nothing in a test that checks results itself.
 */
import zapier from 'zapier-platform-core';

export type Loose = any;

export function tester(app: object) {
  // Without skipHttpPatch Zapier replaces Node's shared http.request on the first call, and its
  // replacement drops the options of request(url, options): every later test file in the same
  // Jest process would send GETs without headers or body. The apps only use z.request, which
  // that patch leaves alone anyway.
  const flags = { ...(app as { flags?: object }).flags, skipHttpPatch: true };
  const appTester = zapier.createAppTester({ ...app, flags });
  return (method: unknown, bundle: Record<string, unknown> = {}): Promise<Loose> => appTester(method as never, bundle as never);
}

/** What a call ends with: its error, or one named 'none' when it succeeded, so a test checks names and messages exactly. */
export function failureOf(pending: Promise<unknown>): Promise<Error> {
  return pending.then(
    () => Object.assign(new Error(''), { name: 'none' }),
    (caught: Error) => caught,
  );
}
