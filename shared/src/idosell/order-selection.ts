/**
 * Which orders a trigger emits (docs/idosell.md §6.5): the statuses the user picked (none picked →
 * every status) and the consent mode, decided by the same consent policy the shop job applies.
 */
import { DEFAULT_SHOP_CONSENT_MODE, shopConsentPolicy, type ShopConsentMode } from '../mapping/idosell-consent';
import type { ShopOrder } from './types';

export interface ShopOrderSelection {
  /** Normalised statuses (`finished`, `canceled`, …); empty or absent → every status. */
  statuses?: readonly string[];
  /** Default: only shoppers who consented. */
  consentMode?: ShopConsentMode;
}

export function isSelectedOrder(order: ShopOrder, selection: ShopOrderSelection): boolean {
  const statuses = selection.statuses ?? [];
  if (statuses.length > 0 && !statuses.includes(order.status)) return false;
  return shopConsentPolicy(order, selection.consentMode ?? DEFAULT_SHOP_CONSENT_MODE).send;
}
