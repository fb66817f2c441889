import type { Destination, OrderOutcome } from '../destinations/port';
import type { TransactionInput } from '../ecomail/types';

export type { OrderOutcome };

/**
 * Sends the orders of saved contacts through the destination and puts each outcome beside its
 * record; one by one when automations are on (the destination decides what that means for it).
 */
export async function sendOrders(
  destination: Destination,
  orders: ReadonlyArray<{ index: number; order: TransactionInput }>,
  outcomes: Array<{ order?: OrderOutcome }>,
  oneByOne: boolean,
): Promise<void> {
  if (orders.length === 0) return;
  const sent = await destination.writeOrders(
    orders.map(({ order }) => order),
    oneByOne,
  );
  orders.forEach(({ index }, i) => (outcomes[index].order = sent[i]));
}
