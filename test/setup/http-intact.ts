/**
 * Fails a test file that leaves Node's shared http/https `request` replaced. On 2 cores Jest runs
 * every project's files one after another in one process, and core modules are shared between
 * them: zapier-platform-core's logging patch (applied unless the app sets flags.skipHttpPatch)
 * turns `request(url, options)` into a GET without headers or body for every later file.
 */
import http from 'node:http';
import https from 'node:https';

const PRISTINE = Symbol.for('ecomail-bridge.test.pristine-request');

interface RequestHolder {
  request: unknown;
  [PRISTINE]?: unknown;
}

for (const [name, module] of [['http', http], ['https', https]] as const) {
  const holder = module as unknown as RequestHolder;
  // The first file of a process sees Node's own function; every later file compares against it.
  holder[PRISTINE] ??= holder.request;
  afterAll(() => {
    if (holder.request !== holder[PRISTINE]) {
      throw new Error(
        `${name}.request was replaced during this test file: later test files in this Jest process would send broken requests ` +
          '(zapier-platform-core patches it unless the app tester sets flags.skipHttpPatch)',
      );
    }
  });
}
