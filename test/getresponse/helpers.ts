import { createGetResponseDestination, createNodeRuntime, type GetResponseDestinationOptions, type GetResponseTiming } from '@ecomail-bridge/shared/node';
import { endpointOf, type GetResponseSandbox } from '../sandbox/getresponse';

/** The adapter's slow waits shortened, so queued contacts and imports are polled within a test. */
export const QUICK_TIMING: GetResponseTiming = {
  importPollWaitsMs: [20, 50, 100, 200, 400, 800],
  importBusyWaitsMs: [50, 100],
  relookupWaitsMs: [50, 100, 200, 400],
};

/** A destination on the sandbox, paced fast enough for tests (the sandbox enforces GetResponse's own limits). */
export function sandboxDestination(sandbox: GetResponseSandbox, options: Partial<GetResponseDestinationOptions> = {}) {
  const { transport, sleep, now } = createNodeRuntime();
  return createGetResponseDestination({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.apiUrl,
    transport,
    sleep,
    clock: now,
    requestsPerSecond: 500,
    timing: QUICK_TIMING,
    ...options,
  });
}

/** The API calls the sandbox saw, as `METHOD /path` with ids as `:id`. */
export function callLines(sandbox: GetResponseSandbox, from = 0): string[] {
  return sandbox.state.calls().slice(from).map(endpointOf);
}
