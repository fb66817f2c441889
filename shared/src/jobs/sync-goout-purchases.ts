import type { Destination } from '../destinations/port';
import { destinationOf, type DestinationInput } from '../destinations/resolve';
import type { GoOutPurchase } from '../goout/types';
import { goOutConsentPolicy } from '../mapping/goout-consent';
import { mapGoOutPurchase, type GoOutMappingOptions } from '../mapping/goout-contact';
import { mapGoOutPurchaseToTransaction } from '../mapping/goout-transaction';
import { previewSaveContacts, saveContacts, type SaveContactsOptions, type SaveOutcome } from './save-contacts';
import { sendOrders, type OrderOutcome } from './send-orders';
import { subscribeChoices } from './subscribe-choices';

export interface SyncGoOutOptions extends Omit<SaveContactsOptions, 'resubscribeAllowed'> {
  /** Tags, category tags, event fields, personalisation (defaults of `mapGoOutPurchase`). */
  mapping?: GoOutMappingOptions;
  /** Send each purchase as an Ecomail order after its buyer is saved. Default true. */
  createOrders?: boolean;
  /** Ecomail `shop` of the orders. */
  shop?: string;
}

export type { OrderOutcome };

export interface PurchaseOutcome {
  contact: SaveOutcome;
  /** Absent when orders are off or the buyer was not saved (an order needs the contact). */
  order?: OrderOutcome;
}

export const DEFAULT_CREATE_ORDERS = true;

/**
 * The GoOut job (docs/pipeline.md §6): buyers are mapped once, saved through `saveContacts` (a
 * buyer may be resubscribed only when they consented in the purchase), then each saved buyer's
 * purchases become orders (Ecomail orders; other destinations send them their own way, §11). Orders of one call go in bulk unless automations are on: Ecomail starts
 * "made an order" automations only for single orders, so that choice decides the call.
 */
export async function syncGoOutPurchases(
  to: DestinationInput,
  target: number | string,
  purchases: readonly GoOutPurchase[],
  options: SyncGoOutOptions = {},
): Promise<{ outcomes: PurchaseOutcome[]; inserted: number }> {
  const { mapping, createOrders = DEFAULT_CREATE_ORDERS, shop, ...save } = options;
  const destination = destinationOf(to, save.directory);
  const rows = purchases.map((purchase) => mapGoOutPurchase(purchase, mapping));
  const saved = await saveContacts(destination, target, rows, {
    ...save,
    resubscribeAllowed: purchases.map((purchase) => goOutConsentPolicy(purchase).mayResubscribe),
  });
  const outcomes: PurchaseOutcome[] = saved.outcomes.map((contact) => ({ contact }));
  if (createOrders) {
    const orders = purchases.flatMap((purchase, index) =>
      saved.outcomes[index].status === 'saved' ? [{ index, order: mapGoOutPurchaseToTransaction(purchase, { shop }) }] : [],
    );
    await sendOrders(destination, orders, outcomes, subscribeChoices(save.subscribe).triggerAutomations);
  }
  return { outcomes, inserted: saved.inserted };
}

/** A dry run of the GoOut job: the same mapping, merge and validation, nothing sent. */
export function previewGoOutPurchases(
  purchases: readonly GoOutPurchase[],
  options: Pick<SyncGoOutOptions, 'mapping'> = {},
  destination?: Pick<Destination, 'validate'>,
): PurchaseOutcome[] {
  return previewSaveContacts(
    purchases.map((purchase) => mapGoOutPurchase(purchase, options.mapping)),
    destination,
  ).map((contact) => ({ contact }));
}
