import { deliveryKeys } from '../deliveries/delivery-keys';
import { systemClock, type Clock } from '../ports';
import type { EllityEvent } from './types';

/**
 * Identity of one loyalty change (docs/ellity.md §4.2 rule 10): e-mail, trigger, resulting balance and
 * the receipt time bucket. Ellity may send the same change twice (retries are undocumented [U]).
 */
export function ellityDedupeKey(event: EllityEvent, windowMs = 60_000): string {
  return ellityDeliveryKeys(event, windowMs)[0];
}

/** The change's keys for a store of processed deliveries shared by several processes (deliveryKeys). */
export function ellityDeliveryKeys(event: EllityEvent, windowMs: number): string[] {
  return deliveryKeys(`${event.email}|${event.type}|${event.credit ?? ''}`, Date.parse(event.occurredAt), windowMs);
}

export interface DedupeWindowOptions {
  windowMs?: number;
  /** Memory bound: the oldest keys are forgotten first. */
  maxEntries?: number;
  now?: Clock;
}

export interface DedupeWindow {
  /** True when the key was recorded within the window; otherwise records it and returns false. */
  seen(key: string): boolean;
  readonly size: number;
}

/** A small in-memory "seen recently" set for webhook triggers; bounded in time and size. */
export function createDedupeWindow({ windowMs = 60_000, maxEntries = 10_000, now = systemClock }: DedupeWindowOptions = {}): DedupeWindow {
  // Insertion order = recording order, so expired and surplus keys are always at the front.
  const recordedAt = new Map<string, number>();
  const forgetOldest = () => recordedAt.delete(recordedAt.keys().next().value as string);
  return {
    seen(key) {
      const time = now();
      for (const [oldKey, at] of recordedAt) {
        if (time - at < windowMs) break;
        recordedAt.delete(oldKey);
      }
      if (recordedAt.has(key)) return true;
      recordedAt.set(key, time);
      while (recordedAt.size > maxEntries) forgetOldest();
      return false;
    },
    get size() {
      return recordedAt.size;
    },
  };
}
