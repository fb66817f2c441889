/**
 * IdoSell's order statuses (docs/idosell.md §6.5): the values a shell offers to choose from, and
 * how a status given as text becomes the normalised one.
 */
import { NOT_A_PURCHASE_STATUSES } from './assumed-contract';
import { cleanText } from './values';

/** [P] the values of the orders search's `ordersStatuses[]` and those replies show; [A] the labels. */
export const IDOSELL_ORDER_STATUSES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'new', label: 'New (Not Handled Yet)' },
  { value: 'payment_waiting', label: 'Awaiting Payment' },
  { value: 'delivery_waiting', label: 'Awaiting Delivery' },
  { value: 'on_order', label: 'On Order' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'packed', label: 'Being Packed' },
  { value: 'packed_fulfillment', label: 'Being Packed (Fulfilment)' },
  { value: 'packed_ready', label: 'Packed' },
  { value: 'ready', label: 'Ready' },
  { value: 'wait_for_dispatch', label: 'Awaiting Dispatch' },
  { value: 'finished', label: 'Completed' },
  { value: 'finished_ext', label: 'Completed Elsewhere' },
  { value: 'missing', label: 'Missing' },
  { value: 'canceled', label: 'Cancelled' },
  { value: 'false', label: 'False (Fake Order)' },
  { value: 'lost', label: 'Lost' },
  { value: 'joined', label: 'Merged Into Another Order' },
  { value: 'returned', label: 'Returned' },
];

/** A status as the shop or a user writes it → the normalised status and whether the order is still a purchase. */
export function orderStatusOf(value: unknown): { status: string; isPurchase: boolean } {
  const status = cleanText(value)?.toLowerCase() ?? 'unknown';
  return { status, isPurchase: !NOT_A_PURCHASE_STATUSES.includes(status) };
}
