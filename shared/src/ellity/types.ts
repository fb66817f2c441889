/** Trigger names inside our Ellity webhook template (docs/ellity.md §4.1). */
export type EllityTrigger = 'credit_changed' | 'tier_changed' | 'points_expiring' | 'pin_changed';

/** The normalised loyalty event every Ellity trigger emits (docs/ellity.md §4.3). */
export interface EllityEvent {
  source: 'ellity';
  type: EllityTrigger | 'unknown';
  /** Receipt time, ISO 8601 (Ellity sends no timestamp of its own). */
  occurredAt: string;
  /** Trimmed, lower-cased. */
  email: string;
  customerId: string | null;
  eshopId: string | null;
  credit: number | null;
  delta: number | null;
  tier: { id: string | null; name: string | null } | null;
  group: { id: string | null; name: string | null } | null;
  pin: string | null;
  nextExpiration: { date: string | null; value: number | null };
  /** True when the body was not valid JSON and fields were recovered by pattern. */
  degraded: boolean;
}
