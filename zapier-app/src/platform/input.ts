/**
 * Readers for `bundle.inputData`. Zapier hands over strings for most field types (and nothing at
 * all for fields the user left empty), so each reader returns a typed value or undefined.
 */

export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const out = String(value).trim();
  return out === '' ? undefined : out;
}

export function requiredText(value: unknown, label: string): string {
  const out = text(value);
  if (out === undefined) throw new Error(`${label} is required.`);
  return out;
}

export function numberOf(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  const out = Number(raw.replace(',', '.'));
  return Number.isFinite(out) ? out : undefined;
}

/**
 * Zapier booleans arrive as true/false or as the strings "true"/"false"/"yes"/"no". Empty or
 * unreadable → undefined, so the core's default applies.
 */
export function optionalFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const raw = text(value)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (['true', 'yes', '1', 'y'].includes(raw)) return true;
  if (['false', 'no', '0', 'n'].includes(raw)) return false;
  return undefined;
}

export function flag(value: unknown, fallback: boolean): boolean {
  return optionalFlag(value) ?? fallback;
}

/** A `list: true` field: an array, or one comma-separated string when mapped from a single value. */
export function textList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : String(value).split(',');
  return items.map((item) => String(item).trim()).filter((item) => item !== '');
}

/** A `dict: true` field, with empty keys and values dropped. */
export function dictOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const cleanKey = key.trim();
    const cleanValue = text(raw);
    if (cleanKey && cleanValue !== undefined) out[cleanKey] = cleanValue;
  }
  return out;
}

/**
 * A field with `children` (Zapier line items): an array of objects, one per line. Each row keeps
 * the given keys that hold text; rows left empty are dropped.
 */
export function lineItemsOf<K extends string>(raw: unknown, keys: readonly K[]): Array<Partial<Record<K, string>>> {
  const rows = Array.isArray(raw) ? (raw as Array<Record<string, unknown>>) : [];
  return rows
    .map((row) => Object.fromEntries(keys.flatMap((key) => (text(row?.[key]) === undefined ? [] : [[key, text(row[key])]]))) as Partial<Record<K, string>>)
    .filter((line) => Object.keys(line).length > 0);
}
