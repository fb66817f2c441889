/**
 * What one IdoSell answer means (docs/idosell.md §4), read in one order for the client and for a
 * shell that reads answers before the client does (the Zapier app's afterResponse middleware): a
 * refused key first, then a fault wherever it sits (inside a 200 too), then the status.
 */
import type { HttpResponse } from '../ports';
import { isNoResultsFault, isQuotaFault, missingScope, readFault } from './assumed-contract';

export type IdoSellAnswer =
  | { kind: 'data' }
  /** A page past the end, an id nobody has: an empty result, not an error. */
  | { kind: 'no-results' }
  /** `scope` names the permission the key lacks, when IdoSell said which. */
  | { kind: 'key-refused'; scope?: string }
  | { kind: 'quota-used-up' }
  | { kind: 'refused'; detail: string; faultCode?: string };

export function readIdoSellAnswer(response: HttpResponse): IdoSellAnswer {
  const fault = readFault(response.headers, response.body);
  if (response.status === 401 || response.status === 403) return { kind: 'key-refused', scope: fault ? missingScope(fault.message) : undefined };
  if (fault) {
    if (isQuotaFault(fault)) return { kind: 'quota-used-up' };
    if (isNoResultsFault(fault)) return { kind: 'no-results' };
    return { kind: 'refused', detail: fault.message, faultCode: fault.code };
  }
  if (response.status < 200 || response.status >= 300) {
    return { kind: 'refused', detail: typeof response.body === 'string' ? response.body : 'no detail' };
  }
  return { kind: 'data' };
}
