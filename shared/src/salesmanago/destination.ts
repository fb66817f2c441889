import type { ContactWrite, ContactWritePlan, ContactWriteResult, Destination, OrderOutcome, SaveOutcome } from '../destinations/port';
import type { SubscriberData, TransactionInput } from '../ecomail/types';
import type { SubscribeChoices, TagHandling } from '../jobs/subscribe-choices';
import { systemClock, type Clock, type StateStore } from '../ports';
import {
  SALESMANAGO_EVENT_PACKAGE,
  SALESMANAGO_LOOKUP_PACKAGE,
  SALESMANAGO_UPSERT_PACKAGE,
  SalesManagoClient,
  type SalesManagoClientOptions,
} from './client';
import { salesManagoContactProblem, salesManagoUpsert } from './contact';
import { SalesManagoApiError, SalesManagoValidationError } from './errors';
import { orderEvent, trackedEvent } from './event';
import { deliverInPackages, type Delivery } from './packages';
import type { SalesManagoContactState, SalesManagoEventInput } from './types';

export const SALESMANAGO_NOT_FOUND_REASON = 'not in SALESmanago (import mode: only update existing)';

/** Packages in flight at once: our starting point [A], docs/salesmanago.md §9. */
const IN_FLIGHT = 2;
/** Where event ids are kept in the state port: `<type> <externalId>` → SALESmanago's eventId. */
const EVENT_IDS_KEY = 'salesmanago.eventIds';

export interface SalesManagoDestination extends Destination {
  readonly name: 'salesmanago';
  /** The client behind it, for a shell's connection test. */
  readonly client: SalesManagoClient;
}

export interface SalesManagoDestinationOptions {
  /**
   * Keeps the ids SALESmanago gave events sent one by one, so a repeat of the same order (same
   * type and order id) updates its event instead of adding a second one (docs/salesmanago.md §6.3).
   */
  state?: StateStore;
}

/**
 * Choices the user may make elsewhere that SALESmanago cannot honour (docs/salesmanago.md §3.1,
 * §3.3), in a sentence; undefined when there are none. Shells check before starting a run; the
 * destination refuses such a plan too.
 */
export function salesManagoUnsupportedChoice(choice: { tagHandling?: TagHandling; subscribe?: SubscribeChoices }): string | undefined {
  if (choice.tagHandling === 'replace') {
    return 'SALESmanago cannot replace tags: its API only adds the tags named and removes the tags named, so use tag handling "add".';
  }
  if (choice.subscribe?.doubleOptIn) return 'SALESmanago sends no confirmation e-mail through this integration: turn "Send Confirmation Email" off.';
  if (choice.subscribe?.triggerNotification) return 'SALESmanago has no new-subscriber notification: turn "Send New-Subscriber Notification" off.';
  return undefined;
}

/** Builds the client and the destination on it: what every shell calls. */
export function createSalesManagoDestination(options: SalesManagoClientOptions & SalesManagoDestinationOptions): SalesManagoDestination {
  return salesManagoDestination(new SalesManagoClient(options), { state: options.state, now: options.now });
}

/** SALESmanago behind the destination port (docs/salesmanago.md §13, docs/pipeline.md §11). */
export function salesManagoDestination(client: SalesManagoClient, options: SalesManagoDestinationOptions & { now?: Clock } = {}): SalesManagoDestination {
  const now = options.now ?? systemClock;
  return {
    name: 'salesmanago',
    client,
    validate: (data: SubscriberData) => salesManagoContactProblem(data),
    writeContacts: (plan, rows) => writeContacts(client, plan, rows),
    writeOrders: (orders, oneByOne) => writeOrders(client, options.state, now(), orders, oneByOne),
    trackEvent: async (event) => ({ id: (await client.addEvent(trackedEvent(event, now()))).eventId }),
    isAuthError: (error) => error instanceof SalesManagoApiError && error.isAuthError,
  };
}

/**
 * Contacts (docs/salesmanago.md §13): every row's existence is looked up first (50 e-mails a call),
 * because the import mode and consent depend on it and SALESmanago's upsert says neither; then the
 * rows to write go in packages of 400. Opt-in is asked only with the person's consent, never in
 * "only update existing", and never again for a contact who opted out unless Resubscribe allows it.
 */
async function writeContacts(client: SalesManagoClient, plan: ContactWritePlan, rows: readonly ContactWrite[]): Promise<ContactWriteResult> {
  const unsupported = salesManagoUnsupportedChoice({ tagHandling: plan.keepTags ? 'add' : 'replace', subscribe: plan.choices });
  if (unsupported) throw new SalesManagoValidationError(unsupported);
  const outcomes: SaveOutcome[] = new Array(rows.length);
  const valid: number[] = [];
  rows.forEach((row, index) => {
    const reason = salesManagoContactProblem(row.data);
    if (reason) outcomes[index] = { status: 'rejected', email: typeof row.data?.email === 'string' ? row.data.email : '', reason };
    else valid.push(index);
  });

  const existing = await lookUp(client, plan, rows, valid, outcomes);
  const send: number[] = [];
  for (const index of valid) {
    if (outcomes[index]) continue;
    const { email } = rows[index].data;
    const found = existing.get(email);
    if (plan.flags.requiresExistingContact && !found) outcomes[index] = { status: 'skipped', email, reason: SALESMANAGO_NOT_FOUND_REASON };
    // Add only new: an existing contact is left exactly as it is; its orders still follow.
    else if (!plan.flags.updateExisting && found) outcomes[index] = { status: 'saved', email, alreadySubscribed: true };
    else send.push(index);
  }

  const upserts = send.map((index) => {
    const { data, consent, resubscribe } = rows[index];
    const found = existing.get(data.email);
    const forceOptIn = plan.flags.createsContacts && consent && (!found || !found.optedOut || resubscribe);
    return salesManagoUpsert(data, { forceOptIn });
  });
  const sent = await deliverInPackages(upserts, {
    size: SALESMANAGO_UPSERT_PACKAGE,
    concurrency: Math.min(plan.concurrency, IN_FLIGHT),
    send: async (items) => {
      await client.upsertContacts(items);
      return new Map();
    },
  });
  if (sent.authError) throw sent.authError;
  let inserted = 0;
  sent.deliveries.forEach((delivery, i) => {
    const index = send[i];
    const { email } = rows[index].data;
    const existed = existing.has(email);
    if (delivery.status === 'sent' && !existed) inserted++;
    outcomes[index] = delivery.status === 'sent' ? { status: 'saved', email, alreadySubscribed: existed } : failedOutcome(email, delivery);
  });
  return { outcomes, inserted };
}

/**
 * Which rows exist, 50 e-mails a call, delivered like packages (a refused look-up is asked again,
 * then halved), so one e-mail SALESmanago will not look up fails alone and nothing is written blind.
 */
async function lookUp(
  client: SalesManagoClient,
  plan: ContactWritePlan,
  rows: readonly ContactWrite[],
  valid: readonly number[],
  outcomes: SaveOutcome[],
): Promise<Map<string, SalesManagoContactState>> {
  const found = new Map<string, SalesManagoContactState>();
  const looked = await deliverInPackages(
    valid.map((index) => rows[index].data.email),
    {
      size: SALESMANAGO_LOOKUP_PACKAGE,
      concurrency: Math.min(plan.concurrency, IN_FLIGHT),
      send: async (emails) => {
        for (const [email, state] of await client.lookUpContacts(emails)) found.set(email, state);
        return new Map();
      },
    },
  );
  if (looked.authError) throw looked.authError;
  looked.deliveries.forEach((delivery, i) => {
    const index = valid[i];
    if (delivery.status === 'failed') {
      outcomes[index] = failedOutcome(rows[index].data.email, { ...delivery, reason: `whether it exists could not be read: ${delivery.reason}` });
    }
  });
  return found;
}

/**
 * Orders as external events (docs/salesmanago.md §6): PURCHASE, or CANCELLATION for a cancelled
 * order, with the order id as `externalId`. One by one (Start Automations) each reply's eventId is
 * kept, and a repeat of the same order updates that event; otherwise 1,000 a call, and the
 * contacts SALESmanago names as failed fail their events. Refused credentials fail every event
 * not sent (the caller ends the run), without another call.
 */
async function writeOrders(
  client: SalesManagoClient,
  state: StateStore | undefined,
  now: number,
  orders: readonly TransactionInput[],
  oneByOne: boolean,
): Promise<OrderOutcome[]> {
  if (orders.length === 0) return [];
  const eventIds = (state && (await state.get<Record<string, string>>(EVENT_IDS_KEY))) || {};
  const inputs = orders.map((order) => {
    const input = orderEvent(order, now);
    return { ...input, eventId: eventIds[eventKey(input)] };
  });
  const outcomes: OrderOutcome[] = new Array(orders.length);
  if (oneByOne) {
    let refused: SalesManagoApiError | undefined;
    // In input order, so a cancellation lands after its purchase.
    for (let index = 0; index < inputs.length; index++) {
      if (refused) {
        outcomes[index] = { status: 'failed', reason: refused.message, error: refused };
        continue;
      }
      try {
        const { eventId } = await client.addEvent(inputs[index]);
        eventIds[eventKey(inputs[index])] = eventId;
        outcomes[index] = { status: 'sent', response: { eventId } };
      } catch (error) {
        if (error instanceof SalesManagoApiError && error.isAuthError) refused = error;
        outcomes[index] = { status: 'failed', reason: error instanceof Error ? error.message : String(error), error };
      }
    }
    if (state) await state.set(EVENT_IDS_KEY, eventIds);
    return outcomes;
  }
  const sent = await deliverInPackages(inputs, {
    size: SALESMANAGO_EVENT_PACKAGE,
    concurrency: 1,
    send: async (events) => {
      const { failedEmails } = await client.addEvents(events);
      const failures = new Map<number, string>();
      events.forEach((event, i) => {
        if (failedEmails.has(event.email)) failures.set(i, `SALESmanago named ${event.email} among the contacts whose event failed`);
      });
      return failures;
    },
  });
  sent.deliveries.forEach((delivery, index) => {
    outcomes[index] = delivery.status === 'sent' ? { status: 'sent' } : { status: 'failed', reason: delivery.reason, error: delivery.error };
  });
  return outcomes;
}

function eventKey(input: SalesManagoEventInput): string {
  return `${input.type} ${input.externalId ?? ''}`;
}

function failedOutcome(email: string, delivery: Extract<Delivery, { status: 'failed' }>): SaveOutcome {
  return { status: 'failed', email, reason: delivery.reason, error: delivery.error, httpStatus: delivery.httpStatus };
}
