/** The GetResponse app against one GetResponse sandbox per test file. */
import { startGetResponseSandbox, type GetResponseSandbox, type GetResponseSandboxOptions } from '../../../test/sandbox/getresponse';
import GetResponseApp from '../../src/getresponse';
import type { Loose } from '../app-tester';
import { sandboxPerFile } from '../sandbox-per-file';

export const App: Loose = GetResponseApp;

export function authDataOf(sandbox: GetResponseSandbox): Record<string, string> {
  return { apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl };
}

/** New contacts are visible at once unless a test says otherwise (the sandbox queues them 1 s by default). */
export const getResponsePerFile = (options: GetResponseSandboxOptions = {}) =>
  sandboxPerFile(App, () => startGetResponseSandbox({ createDelayMs: 0, ...options }), authDataOf);
