import type { ZObject } from 'zapier-platform-core';

/**
 * Whether `error` is one of Zapier's own (`z.errors`). Inside `z.request` only after-response
 * middleware throws those (the app's answer rules, Zapier's redirect check), so one means an
 * answer came and has been judged already.
 */
export function isZapierError(z: ZObject, error: unknown): error is Error {
  return Object.values(z.errors).some((type) => typeof type === 'function' && type.prototype instanceof Error && error instanceof type);
}
