/**
 * The contacts a GoOut backfill must produce, read straight from the sandbox's dataset (not from
 * the code under test): every organiser purchase a backfill imports, as one lower-cased address.
 */
import type { GoOutSandbox } from '../../sandbox/goout';

export function expectedGoOutEmails(goout: GoOutSandbox): Set<string> {
  return new Set(goout.state.dataset().importablePurchases().map((purchase) => purchase.email));
}
