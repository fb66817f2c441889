import type { EcomailClient } from '../ecomail/client';
import type { TrackEventInput, TrackEventResponse } from '../ecomail/types';

/**
 * One reading of an event value for every shell: JSON objects and arrays are sent as data (Ecomail
 * encodes them), anything else as the text the user gave — `"123"` stays the text "123", a number
 * becomes its text. Empty means no value.
 */
export function eventValue(raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'object') return raw;
  const text = String(raw).trim();
  if (text === '') return undefined;
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) return parsed;
    } catch {
      // Not JSON after all: sent as the text it is.
    }
  }
  return text;
}

/** The track-an-event job: the value read one way, empty parts left out. */
export function trackEvent(client: EcomailClient, input: TrackEventInput): Promise<TrackEventResponse> {
  const event: TrackEventInput = { email: input.email, category: input.category, action: input.action };
  for (const key of ['label', 'property'] as const) {
    const text = typeof input[key] === 'string' ? (input[key] as string).trim() : '';
    if (text) event[key] = text;
  }
  const value = eventValue(input.value);
  if (value !== undefined) event.value = value;
  return client.trackEvent(event);
}
