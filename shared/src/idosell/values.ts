/** Readers for the loosely typed values a shop or a user hands over: text, numbers, money. */

/** Trimmed text with inner runs of spaces collapsed; empty → null. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const cleaned = String(value).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** A number written either way (`1290.5`, `1 290,50`); unreadable → 0. */
export function looseNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(cleanText(value)?.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : 0;
}

/**
 * An order's value when the shop gives none (docs/idosell.md §6.3): unit price × quantity of
 * each line plus delivery, summed in hundredths so the total has no floating-point residue.
 */
export function computedOrderTotal(lines: ReadonlyArray<{ unitPrice: number; quantity: number }>, deliveryCost = 0): number {
  const cents = (amount: number) => Math.round(amount * 100);
  const total = lines.reduce((sum, line) => sum + cents(line.unitPrice) * line.quantity, 0) + cents(deliveryCost);
  return Math.round(total) / 100;
}
