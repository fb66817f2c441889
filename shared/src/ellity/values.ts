/**
 * Lenient readers for values that arrive through Ellity's plain-text templating (docs/ellity.md §4.2
 * rules 6–7): everything is a string, numbers may use Czech formatting, and a variable Ellity did
 * not know is left as `#name#` or replaced by an empty string. Shared by the webhook parser and the
 * one-time customer export mapper.
 */

const PLACEHOLDER = /^#[^#\s]*#$/;
/** Spaces used as thousand separators: normal, non-breaking, narrow non-breaking, thin. */
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009]/g;

/** Trimmed text, or null when empty, an unreplaced `#placeholder#`, or not text/number at all. */
export function cleanText(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || PLACEHOLDER.test(text)) return null;
  return text;
}

/**
 * A number from `250`, `"250"`, `"12,5"`, `"1 250,50"`, `"1.250,50"` or `"1,250.50"`; null when
 * empty or unreadable (never 0: a missing balance must not overwrite a real one).
 */
export function parseLenientNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = cleanText(value);
  if (text === null) return null;
  let digits = text.replace(GROUPING_SPACES, '');
  const lastComma = digits.lastIndexOf(',');
  const lastDot = digits.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later one is the decimal separator, the other groups thousands.
    digits = lastComma > lastDot ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // Czech/Slovak decimal comma; several commas can only be thousand groups.
    digits = digits.indexOf(',') === lastComma ? digits.replace(',', '.') : digits.replace(/,/g, '');
  } else if (lastDot >= 0 && digits.indexOf('.') !== lastDot) {
    digits = digits.replace(/\./g, ''); // "1.250.000"
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(digits)) return null;
  return Number(digits);
}

/**
 * `YYYY-MM-DD` from ISO dates/datetimes or Czech `31.12.2026` / `31. 12. 2026`; other text is
 * returned as it came (Ellity's date format is not documented [U]), empty → null.
 */
export function normaliseDate(value: unknown): string | null {
  const text = cleanText(value);
  if (text === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const czech = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(text);
  if (czech) return `${czech[3]}-${czech[2].padStart(2, '0')}-${czech[1].padStart(2, '0')}`;
  return text;
}

/** True for `YYYY-MM-DD`, the form Ecomail's typed `date` custom-field value takes. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}
