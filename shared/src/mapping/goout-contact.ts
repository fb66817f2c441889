import type { CustomFieldValue, SubscriberData } from '../ecomail/types';
import { mergeTags, normalizeEmail } from '../ecomail/validation';
import { goOutDerivedTags } from '../goout';
import type { GoOutPurchase, GoOutPurchaseItem } from '../goout/types';
import { goOutConsentPolicy } from './goout-consent';
import { addPersonFields, cleanExtraTags } from './person-fields';

/** Custom-field keys for the event fields; Ecomail's native keys are not published [U]. */
export const GOOUT_EVENT_FIELD_KEYS = { nameKey: 'goout_last_event', startKey: 'goout_last_event_start' } as const;

export interface GoOutEventFieldKeys {
  nameKey?: string;
  startKey?: string;
}

export interface GoOutMappingOptions {
  /** `GoOut`, `GoOut_<lang>`, `GoOut_newsletter` (consent only). Off → no `tags` key, the contact's tags stay untouched. Default true. */
  tags?: boolean;
  /** Add the purchased events' category labels as tags. Default true. */
  categoryTags?: boolean;
  /** Last event name and start as custom fields (the organiser's opt-in in the native sync). Default false. */
  eventFields?: boolean | GoOutEventFieldKeys;
  /** Vocative, gender and name day for CZ/SK buyers. Default true. */
  personalization?: boolean;
  /** Default `GoOut`, as the native sync writes. */
  source?: string;
  /** Added after the GoOut tags (only when `tags` is on). */
  extraTags?: readonly string[];
}

/**
 * A normalised GoOut purchase → Ecomail `subscriber_data`, mirroring Ecomail's own GoOut sync
 * (docs/goout.md §7.1). Tags are the full GoOut set for this purchase: callers that must keep other
 * tags merge them with the contact's current set first (tags replace, docs/ecomail-api.md §4).
 */
export function mapGoOutPurchase(purchase: GoOutPurchase, options: GoOutMappingOptions = {}): SubscriberData {
  const { buyer } = purchase;
  const subscriber: SubscriberData = { email: normalizeEmail(buyer.email) };
  addPersonFields(subscriber, buyer, options.personalization !== false);
  if (buyer.country) subscriber.country = buyer.country;
  subscriber.source = options.source ?? 'GoOut';

  if (options.tags !== false) {
    const tags = goOutDerivedTags({
      buyer: { language: buyer.language, newsletterConsent: goOutConsentPolicy(purchase).newsletterTag },
      items: options.categoryTags === false ? [] : purchase.items,
    });
    subscriber.tags = mergeTags(tags, cleanExtraTags(options.extraTags));
  }

  if (options.eventFields) {
    const fields = lastEventFields(purchase.items, options.eventFields === true ? {} : options.eventFields);
    if (Object.keys(fields).length > 0) subscriber.custom_fields = fields;
  }
  return subscriber;
}

function lastEventFields(items: readonly GoOutPurchaseItem[], keys: GoOutEventFieldKeys): Record<string, CustomFieldValue> {
  const item = lastEventItem(items);
  const fields: Record<string, CustomFieldValue> = {};
  if (!item) return fields;
  const name = item.event?.name?.trim();
  if (name) fields[keys.nameKey ?? GOOUT_EVENT_FIELD_KEYS.nameKey] = name;
  const start = wallClockMinute(item.schedule?.startAt ?? null);
  // A plain 'YYYY-MM-DD HH:MM' string, not a typed value: Ecomail's `datetime` type is unconfirmed
  // [U] (only `date` is documented) and a string field shows the start as the audience reads it.
  if (start) fields[keys.startKey ?? GOOUT_EVENT_FIELD_KEYS.startKey] = start;
  return fields;
}

/** The item whose event starts last (later items win ties); "last event" in the contact's history. */
function lastEventItem(items: readonly GoOutPurchaseItem[]): GoOutPurchaseItem | undefined {
  let best: GoOutPurchaseItem | undefined;
  let bestStart = -Infinity;
  // The items of a purchase mostly share one schedule: parse each start once.
  let startAt: string | null | undefined;
  let rank = -Infinity;
  for (const item of items) {
    if (!item.event?.name?.trim()) continue;
    if (item.schedule?.startAt !== startAt) {
      startAt = item.schedule?.startAt;
      const start = startAt ? Date.parse(startAt) : NaN;
      rank = Number.isNaN(start) ? -Infinity : start;
    }
    if (!best || rank >= bestStart) {
      best = item;
      bestStart = rank;
    }
  }
  return best;
}

/** 'YYYY-MM-DD HH:MM' in the event's own offset (the wall clock on the ticket), not converted to UTC. */
function wallClockMinute(iso: string | null): string | null {
  const match = iso ? /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(iso.trim()) : null;
  if (!match) return null;
  return match[2] ? `${match[1]} ${match[2]}` : match[1];
}
