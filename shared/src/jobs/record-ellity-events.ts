import type { TrackedEvent } from '../destinations/port';
import { destinationOf, type DestinationInput } from '../destinations/resolve';
import { EcomailApiError } from '../ecomail/errors';
import { ellityDedupeKey } from '../ellity/dedupe';
import type { EllityEvent } from '../ellity/types';
import { mapEllityEvent } from '../mapping/ellity-contact';
import { saveContacts, type SaveOutcome } from './save-contacts';
import type { ContactDirectory } from './contact-directory';

export type EllityOutcome =
  | { status: 'recorded'; email: string; label: string | null; customFields: Record<string, unknown>; event?: TrackedEvent }
  | { status: 'skipped'; email: string; reason: string }
  | { status: 'rejected'; email: string; reason: string }
  | { status: 'failed'; email: string; reason: string; error: unknown; httpStatus?: number };

export const REPEATED_DELIVERY_REASON = 'a repeated delivery of an Ellity change already recorded in this batch';

/**
 * The Ellity job (docs/pipeline.md §7): the `ellity_*` fields are written first (e-mails read them,
 * not the event), then the event is tracked. It only ever updates list members — a loyalty event
 * never subscribes anybody; a customer not in the list is skipped with the reason. A repeat of the
 * same change within the batch is recorded once.
 */
export async function recordEllityEvents(
  to: DestinationInput,
  target: number | string,
  events: readonly EllityEvent[],
  options: { directory?: ContactDirectory } = {},
): Promise<EllityOutcome[]> {
  const destination = destinationOf(to, options.directory);
  const outcomes: EllityOutcome[] = new Array(events.length);
  const seen = new Set<string>();
  const fresh: number[] = [];
  events.forEach((event, index) => {
    const key = ellityDedupeKey(event);
    if (seen.has(key)) outcomes[index] = { status: 'skipped', email: event.email, reason: REPEATED_DELIVERY_REASON };
    else {
      seen.add(key);
      fresh.push(index);
    }
  });
  const mappings = fresh.map((index) => mapEllityEvent(events[index]));
  const saved = await saveContacts(
    destination,
    target,
    mappings.map((mapping) => mapping.subscriber),
    { mode: 'update-only' },
  );
  for (let i = 0; i < fresh.length; i++) {
    const index = fresh[i];
    const contact = saved.outcomes[i];
    const mapping = mappings[i];
    if (contact.status !== 'saved') {
      outcomes[index] = fromContact(contact);
      continue;
    }
    try {
      const event = mapping.event ? await destination.trackEvent(mapping.event) : undefined;
      outcomes[index] = { status: 'recorded', email: contact.email, label: mapping.event?.label ?? null, customFields: mapping.customFields, event };
    } catch (error) {
      if (destination.isAuthError(error)) throw error;
      outcomes[index] = {
        status: 'failed',
        email: contact.email,
        reason: `the fields were saved but the event was not: ${error instanceof Error ? error.message : String(error)}`,
        error,
        httpStatus: error instanceof EcomailApiError ? error.status : undefined,
      };
    }
  }
  return outcomes;
}

function fromContact(contact: Exclude<SaveOutcome, { status: 'saved' }>): EllityOutcome {
  if (contact.status === 'skipped') return { status: 'skipped', email: contact.email, reason: contact.reason };
  if (contact.status === 'rejected') return { status: 'rejected', email: contact.email, reason: contact.reason };
  return { status: 'failed', email: contact.email, reason: contact.reason, error: contact.error, httpStatus: contact.httpStatus };
}
