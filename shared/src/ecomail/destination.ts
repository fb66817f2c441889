import type { Destination, OrderOutcome } from '../destinations/port';
import { ContactDirectory } from '../jobs/contact-directory';
import { eachConcurrently } from '../jobs/concurrency';
import type { EcomailClient } from './client';
import { EcomailApiError } from './errors';
import type { TransactionInput } from './types';
import { validateSubscriber } from './validation';
import { writeEcomailContacts } from './write-contacts';

/**
 * Ecomail behind the destination port (docs/pipeline.md §11). The directory remembers which
 * contacts exist and their tags for the whole run; give one to share it across batches.
 */
export function ecomailDestination(client: EcomailClient, options: { directory?: ContactDirectory } = {}): Destination {
  const directory = options.directory ?? new ContactDirectory(client);
  return {
    name: 'ecomail',
    validate: validateSubscriber,
    writeContacts: (plan, rows) => writeEcomailContacts(client, directory, plan, rows),
    writeOrders: (orders, oneByOne) => writeEcomailOrders(client, orders, oneByOne),
    trackEvent: (event) => client.trackEvent(event),
    isAuthError: (error) => error instanceof EcomailApiError && error.isAuthError,
  };
}

/**
 * In one bulk call, or one by one in input order when automations are on: Ecomail starts "made an
 * order" automations only for single orders (docs/ecomail-api.md §7).
 */
async function writeEcomailOrders(client: EcomailClient, orders: readonly TransactionInput[], oneByOne: boolean): Promise<OrderOutcome[]> {
  if (orders.length === 0) return [];
  if (oneByOne) {
    const outcomes: OrderOutcome[] = new Array(orders.length);
    // In input order, so a cancellation sent after its purchase lands after it.
    await eachConcurrently(orders, 1, async (order, index) => {
      try {
        outcomes[index] = { status: 'sent', response: await client.createTransaction(order.transaction, order.transaction_items) };
      } catch (error) {
        outcomes[index] = failed(error);
      }
    });
    return outcomes;
  }
  try {
    await client.createTransactions(orders);
    return orders.map(() => ({ status: 'sent' }));
  } catch (error) {
    return orders.map(() => failed(error));
  }
}

function failed(error: unknown): OrderOutcome {
  return { status: 'failed', reason: error instanceof Error ? error.message : String(error), error };
}
