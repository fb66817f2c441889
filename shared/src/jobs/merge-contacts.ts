import type { SubscriberData } from '../ecomail/types';
import { mergeTags, normalizeEmail } from '../ecomail/validation';

/** Empty values never overwrite: a later row without a phone keeps the earlier row's phone. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function laterNonEmpty<T extends object>(earlier: T | undefined, later: T | undefined): T {
  const merged = { ...earlier } as Record<string, unknown>;
  for (const [key, value] of Object.entries(later ?? {})) if (!isEmpty(value)) merged[key] = value;
  return merged as T;
}

/**
 * Folds two rows for the same contact into one: for each field the later row's value wins unless
 * it is empty, tags are the union, custom fields and groups merge key by key the same way. A buyer
 * with three purchases in one batch becomes one row carrying the tags of all three (a bulk call
 * with three rows would keep only the last, docs/pipeline.md §3).
 */
export function mergeContactRows(earlier: SubscriberData, later: SubscriberData): SubscriberData {
  const { tags: earlierTags, custom_fields: earlierFields, groups: earlierGroups, ...earlierRest } = earlier;
  const { tags: laterTags, custom_fields: laterFields, groups: laterGroups, ...laterRest } = later;
  const merged = laterNonEmpty(earlierRest, laterRest) as SubscriberData;
  if (earlierTags || laterTags) merged.tags = mergeTags(earlierTags ?? [], laterTags ?? []);
  if (earlierFields || laterFields) merged.custom_fields = laterNonEmpty(earlierFields, laterFields);
  if (earlierGroups || laterGroups) merged.groups = { ...earlierGroups, ...laterGroups };
  return merged;
}

export interface CollapsedContacts {
  /** One row per e-mail, in first-seen order. */
  rows: SubscriberData[];
  /** For every input row, the index of the row it was folded into. */
  rowOf: number[];
  /** For every collapsed row, the first input row that made it. */
  firstOf: number[];
}

/** Collapses a batch to one row per e-mail (case-insensitive), merging with `mergeContactRows`. */
export function collapseByEmail(batch: readonly SubscriberData[]): CollapsedContacts {
  const position = new Map<string, number>();
  const rows: SubscriberData[] = [];
  const rowOf: number[] = [];
  const firstOf: number[] = [];
  batch.forEach((row, index) => {
    const key = typeof row?.email === 'string' ? normalizeEmail(row.email) : '';
    const at = key ? position.get(key) : undefined;
    if (at === undefined) {
      if (key) position.set(key, rows.length);
      rowOf.push(rows.length);
      firstOf.push(index);
      rows.push(row);
    } else {
      rows[at] = { ...mergeContactRows(rows[at], row), email: rows[at].email };
      rowOf.push(at);
    }
  });
  return { rows, rowOf, firstOf };
}
