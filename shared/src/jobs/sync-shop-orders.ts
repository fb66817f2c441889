import type { Destination } from '../destinations/port';
import { destinationOf, type DestinationInput } from '../destinations/resolve';
import type { SubscriberData } from '../ecomail/types';
import type { ShopRecord } from '../idosell/types';
import {
  DEFAULT_SHOP_CONSENT_MODE,
  NO_SHOP_CONSENT_REASON,
  shopConsentPolicy,
  type ShopConsentMode,
} from '../mapping/idosell-consent';
import { mapShopRecord, type ShopMappingOptions } from '../mapping/idosell-contact';
import { mapShopOrderToTransaction } from '../mapping/idosell-transaction';
import { previewSaveContacts, saveContacts, type SaveContactsOptions, type SaveOutcome } from './save-contacts';
import { sendOrders, type OrderOutcome } from './send-orders';
import { subscribeChoices } from './subscribe-choices';
import { DEFAULT_CREATE_ORDERS } from './sync-goout-purchases';

export interface SyncShopOptions extends Omit<SaveContactsOptions, 'resubscribeAllowed'> {
  /** Default: only shoppers who consented. */
  consentMode?: ShopConsentMode;
  /** Tags, segment tag names, category tags, personalisation. */
  mapping?: ShopMappingOptions;
  /** Send each order after its buyer is saved. Default true, as for GoOut. */
  createOrders?: boolean;
  /** Ecomail `shop` of the orders. */
  shop?: string;
}

export interface ShopRecordOutcome {
  contact: SaveOutcome;
  /** Absent for subscribers, when orders are off, or when the buyer was not saved. */
  order?: OrderOutcome;
  /** For an order: a new or updated purchase, or a status change of one that is no purchase any more. */
  orderKind?: 'purchase' | 'status-change';
}

/**
 * The shop job (docs/pipeline.md §10, docs/idosell.md §9): the consent mode decides who is sent
 * at all; the buyers and subscribers are saved through `saveContacts` (a shopper may be
 * resubscribed only with consent for that shop); then each saved buyer's orders are sent — a
 * cancelled or returned order as the same order with status `canceled`, never as a new purchase.
 */
export async function syncShopOrders(
  to: DestinationInput,
  target: number | string,
  records: readonly ShopRecord[],
  options: SyncShopOptions = {},
): Promise<{ outcomes: ShopRecordOutcome[]; inserted: number }> {
  const { consentMode, mapping, createOrders = DEFAULT_CREATE_ORDERS, shop, ...save } = options;
  const destination = destinationOf(to, save.directory);
  const plan = shopContactRows(records, { consentMode, mapping });
  const { sent } = plan;
  const saved = await saveContacts(destination, target, plan.rows, { ...save, resubscribeAllowed: plan.resubscribeAllowed });
  const outcomes = perRecord(plan, saved.outcomes);
  if (createOrders) {
    const orders = sent.flatMap((index) => {
      const record = records[index];
      if (record.type !== 'order' || outcomes[index].contact.status !== 'saved') return [];
      outcomes[index].orderKind = record.isPurchase ? 'purchase' : 'status-change';
      return [{ index, order: mapShopOrderToTransaction(record, { shop }) }];
    });
    await sendOrders(destination, orders, outcomes, subscribeChoices(save.subscribe).triggerAutomations);
  }
  return { outcomes, inserted: saved.inserted };
}

/** A dry run of the shop job: the same consent mode, merge and validation, nothing sent. */
export function previewShopOrders(
  records: readonly ShopRecord[],
  options: Pick<SyncShopOptions, 'consentMode' | 'mapping'> = {},
  destination?: Pick<Destination, 'validate'>,
): ShopRecordOutcome[] {
  const plan = shopContactRows(records, options);
  return perRecord(plan, previewSaveContacts(plan.rows, destination));
}

/** Each record's contact outcome; a repeated e-mail points at the record it was merged into, in the caller's numbering. */
function perRecord(plan: ReturnType<typeof shopContactRows>, contacts: readonly SaveOutcome[]): ShopRecordOutcome[] {
  const outcomes: ShopRecordOutcome[] = plan.skipped.map((contact) => ({ contact }));
  plan.sent.forEach((index, i) => {
    const contact = contacts[i];
    outcomes[index] = { contact: contact.duplicateOf === undefined ? contact : { ...contact, duplicateOf: plan.sent[contact.duplicateOf] } };
  });
  return outcomes;
}

/**
 * Who is sent and as which contact row, by the consent mode (docs/idosell.md §9): `rows[i]` is
 * the contact of `records[sent[i]]`; the others have their `skipped` outcome. A dry run shows these.
 */
export function shopContactRows(
  records: readonly ShopRecord[],
  options: Pick<SyncShopOptions, 'consentMode' | 'mapping'> = {},
): { sent: number[]; rows: SubscriberData[]; resubscribeAllowed: boolean[]; skipped: SaveOutcome[] } {
  const sent: number[] = [];
  const rows: SubscriberData[] = [];
  const resubscribeAllowed: boolean[] = [];
  const skipped: SaveOutcome[] = new Array(records.length);
  records.forEach((record, index) => {
    const policy = shopConsentPolicy(record, options.consentMode ?? DEFAULT_SHOP_CONSENT_MODE);
    if (!policy.send) {
      skipped[index] = { status: 'skipped', email: emailOf(record), reason: NO_SHOP_CONSENT_REASON };
      return;
    }
    sent.push(index);
    rows.push(mapShopRecord(record, policy, options.mapping));
    resubscribeAllowed.push(policy.mayResubscribe);
  });
  return { sent, rows, resubscribeAllowed, skipped };
}

function emailOf(record: ShopRecord): string {
  return record.type === 'order' ? record.buyer.email : record.email;
}
