import type { SubscriberData } from '../ecomail/types';
import { mergeTags, normalizeEmail } from '../ecomail/validation';

/**
 * Folds two rows for the same contact into one: the later row's values win, its tags join the
 * earlier ones, custom fields merge key by key. A buyer with three purchases in one batch becomes
 * one row carrying the tags of all three (a bulk call with three rows would keep only the last).
 */
export function mergeContactRows(earlier: SubscriberData, later: SubscriberData): SubscriberData {
  const merged: SubscriberData = { ...earlier, ...later };
  if (earlier.tags || later.tags) merged.tags = mergeTags(earlier.tags ?? [], later.tags ?? []);
  if (earlier.custom_fields || later.custom_fields) {
    merged.custom_fields = { ...earlier.custom_fields, ...later.custom_fields };
  }
  if (earlier.groups || later.groups) merged.groups = { ...earlier.groups, ...later.groups };
  return merged;
}

export interface CollapsedContacts {
  /** One row per e-mail, in first-seen order. */
  rows: SubscriberData[];
  /** For every input row, the index of the row it was folded into. */
  rowOf: number[];
}

/** Collapses a batch to one row per e-mail (case-insensitive), merging with `mergeContactRows`. */
export function collapseByEmail(batch: readonly SubscriberData[]): CollapsedContacts {
  const position = new Map<string, number>();
  const rows: SubscriberData[] = [];
  const rowOf: number[] = [];
  for (const row of batch) {
    const key = typeof row.email === 'string' ? normalizeEmail(row.email) : '';
    const at = key ? position.get(key) : undefined;
    if (at === undefined) {
      if (key) position.set(key, rows.length);
      rowOf.push(rows.length);
      rows.push(row);
    } else {
      rows[at] = mergeContactRows(rows[at], row);
      rowOf.push(at);
    }
  }
  return { rows, rowOf };
}
