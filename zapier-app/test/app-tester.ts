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
  return (method: unknown, bundle: Record<string, unknown> = {}, clearCache = false): Promise<Loose> =>
    (appTester as (method: never, bundle: never, clearZcacheBeforeUse: boolean) => Promise<Loose>)(method as never, bundle as never, clearCache);
}

/** What a call ends with: its error, or one named 'none' when it succeeded, so a test checks names and messages exactly. */
export function failureOf(pending: Promise<unknown>): Promise<Error> {
  return pending.then(
    () => Object.assign(new Error(''), { name: 'none' }),
    (caught: Error) => caught,
  );
}

/**
 * A failure as a test compares it: [name, message] without the app tester's log, and for
 * `z.errors.Error` (an AppError carrying JSON) [name, code, message].
 */
export async function failureText(pending: Promise<unknown>): Promise<string[]> {
  const error = await failureOf(pending);
  const message = error.message.split('\nWhat happened:')[0];
  if (error.name !== 'AppError') return [error.name, message];
  const parsed = JSON.parse(message) as { message: string; code: string };
  return [error.name, parsed.code, parsed.message];
}

/** Every function Zapier calls in an app that talks to the service: connection test, performs, dynamic fields. */
export function everyCall(app: Loose): Array<[string, unknown]> {
  const calls: Array<[string, unknown]> = [['authentication.test', app.authentication.test]];
  for (const group of ['triggers', 'creates', 'searches'] as const) {
    for (const [key, definition] of Object.entries((app[group] ?? {}) as Record<string, { operation: { perform: unknown; inputFields?: unknown[] } }>)) {
      calls.push([`${group}.${key}`, definition.operation.perform]);
      for (const field of definition.operation.inputFields ?? []) if (typeof field === 'function') calls.push([`${group}.${key}.inputFields`, field]);
    }
  }
  return calls;
}
