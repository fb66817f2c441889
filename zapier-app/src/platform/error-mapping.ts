/**
 * The core's own errors become Zapier errors in one place per app: the app definition is passed
 * through `withErrorMapping` once, which wraps every function Zapier calls (performs, dynamic fields,
 * connection test, session refresh), so no perform has to remember a wrapper.
 *
 * Why a wrapper besides the afterResponse middleware (answer-middleware.ts), which maps what an API
 * answered: some errors have no answer behind them (a contact the core refuses before sending),
 * and others are verdicts the core reaches for one call (an Ecomail 404 is "not found" for a
 * lookup, an error for a write). Both surface only as the core's error classes, thrown out of the
 * perform, and the map passed here turns those — nothing that middleware already turned into a
 * Zapier error. The Ecomail app needs it (its functions call the core directly); GoOut's surface at
 * its run boundary (goout/errors.ts), and IdoSell has none.
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
