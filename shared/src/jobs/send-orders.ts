import type { EcomailClient } from '../ecomail/client';
import type { TransactionInput } from '../ecomail/types';
import { eachConcurrently } from './concurrency';

export type OrderOutcome = { status: 'sent'; response?: unknown } | { status: 'failed'; reason: string; error: unknown };

/**
 * Sends the orders of saved contacts: in one bulk call, or one by one in input order when
 * automations are on (Ecomail starts "made an order" automations only for single orders).
 */
export async function sendOrders(
  client: EcomailClient,
  orders: ReadonlyArray<{ index: number; order: TransactionInput }>,
  outcomes: Array<{ order?: OrderOutcome }>,
  oneByOne: boolean,
): Promise<void> {
  if (orders.length === 0) return;
  if (oneByOne) {
    // In input order, so a cancellation sent after its purchase lands after it.
    await eachConcurrently(orders, 1, async ({ index, order }) => {
      try {
        outcomes[index].order = { status: 'sent', response: await client.createTransaction(order.transaction, order.transaction_items) };
      } catch (error) {
        outcomes[index].order = failed(error);
      }
    });
    return;
  }
  try {
    await client.createTransactions(orders.map(({ order }) => order));
    for (const { index } of orders) outcomes[index].order = { status: 'sent' };
  } catch (error) {
    for (const { index } of orders) outcomes[index].order = failed(error);
  }
}

function failed(error: unknown): OrderOutcome {
  return { status: 'failed', reason: error instanceof Error ? error.message : String(error), error };
}
