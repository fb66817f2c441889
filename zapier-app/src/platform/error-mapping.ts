/**
 * Errors become Zapier errors in one place per app: the app definition is passed through
 * `withErrorMapping` once, which wraps every function Zapier calls (performs, dynamic fields,
 * connection test, session refresh), so no perform has to remember a wrapper.
 *
 * Why not `afterResponse` middleware, Zapier's usual place: every request goes through the core's
 * retry policy, which treats anything the transport throws as a lost connection — a ThrottledError
 * thrown by middleware would be retried and then replaced by a "no answer" fault. The core reads
 * each status first (a 404 is "not found", not an error) and throws its own errors; those are
 * mapped here.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';

export type ErrorMap = (z: ZObject, error: unknown) => unknown;
type ZapierFunction = (z: ZObject, bundle: Bundle) => unknown;

function mapped(fn: ZapierFunction, map: ErrorMap): ZapierFunction {
  return async (z, bundle) => {
    try {
      return await fn(z, bundle);
    } catch (error) {
      throw map(z, error);
    }
  };
}

type Holder = Record<string, unknown>;

function wrapKeys(holder: unknown, keys: readonly string[], map: ErrorMap): void {
  if (!holder || typeof holder !== 'object') return;
  for (const key of keys) {
    const value = (holder as Holder)[key];
    if (typeof value === 'function') (holder as Holder)[key] = mapped(value as ZapierFunction, map);
  }
}

const OPERATION_FUNCTIONS = ['perform', 'performList', 'performSubscribe', 'performUnsubscribe', 'performResume'] as const;

/** The app with every Zapier-called function mapping its errors through `map` (the app is changed in place). */
export function withErrorMapping<App extends object>(app: App, map: ErrorMap): App {
  const definition = app as unknown as Record<string, Record<string, { operation?: Holder }> | Holder | undefined>;
  for (const group of ['triggers', 'creates', 'searches'] as const) {
    for (const operationHolder of Object.values(definition[group] ?? {})) {
      const operation = (operationHolder as { operation?: Holder }).operation;
      wrapKeys(operation, OPERATION_FUNCTIONS, map);
      const fields = operation?.inputFields;
      if (Array.isArray(fields)) fields.forEach((field, index) => typeof field === 'function' && (fields[index] = mapped(field as ZapierFunction, map)));
    }
  }
  const authentication = definition.authentication as Holder | undefined;
  wrapKeys(authentication, ['test'], map);
  wrapKeys(authentication?.sessionConfig, ['perform'], map);
  return app;
}
