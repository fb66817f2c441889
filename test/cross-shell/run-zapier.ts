import { purchaseRecord } from '../../zapier-app/src/goout/purchase-record';
import { App, appTester } from '../../zapier-app/test/ecomail/harness';
import { addBuyerInput } from '../../zapier-app/test/goout/record-to-buyer';
import type { EcomailSandbox } from '../sandbox/ecomail';
import { API_KEYS, LIST, type Fixture } from './fixture';

/** How a Zap maps a caught Ellity webhook (Webhooks by Zapier flattens the body) into Record Ellity Event. */
function ellityInput(body: string): Record<string, unknown> {
  const delivery = JSON.parse(body) as { trigger: string; eshopId: string; customer: Record<string, string>; creditChange: { value: string } };
  const { customer } = delivery;
  return {
    listId: String(LIST),
    type: delivery.trigger,
    email: customer.email,
    credit: customer.credit,
    creditChange: delivery.creditChange.value,
    customerId: customer.id,
    eshopId: delivery.eshopId,
    tierId: customer.tierId,
    tierName: customer.tierName,
    pin: customer.pin,
    nextExpirationDate: customer.nextExpirationDate,
    nextExpirationValue: customer.nextExpirationValue,
  };
}

/** Halted runs are how Zapier says "nothing to do" (a repeat, a non-member): not failures. */
async function runStep(method: unknown, bundle: Record<string, unknown>): Promise<void> {
  try {
    await appTester(method, bundle);
  } catch (error) {
    if ((error as { name?: string }).name !== 'HaltedError') throw error;
  }
}

/**
 * Zapier, GoOut: one Zap run per purchase, newest first as a polling trigger would deliver them —
 * but in GoOut's order here, because Zapier can only hand the newest purchases of each poll to a
 * Zap, never a history (a backfill is the CLI's job). Several connections share the work so the
 * test is not rate-limited; the account's state does not depend on which key wrote.
 */
export async function runZapierGoOut(fixture: Fixture, ecomail: EcomailSandbox): Promise<void> {
  const perform = App.creates.add_goout_buyer.operation.perform;
  for (const [i, purchase] of fixture.purchases.entries()) {
    await runStep(perform, { authData: { apiKey: API_KEYS[i % API_KEYS.length], baseUrl: ecomail.url }, inputData: { listId: String(LIST), ...addBuyerInput(purchaseRecord(purchase)) } });
  }
}

/** Zapier, Ellity: one run per delivery on one connection, whose cache drops the repeats. */
export async function runZapierEllity(fixture: Fixture, ecomail: EcomailSandbox): Promise<void> {
  const perform = App.creates.record_ellity_event.operation.perform;
  for (const body of fixture.ellityBodies) {
    await runStep(perform, { authData: { apiKey: API_KEYS[2], baseUrl: ecomail.url }, inputData: ellityInput(body) });
  }
}
