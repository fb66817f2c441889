/** An id as the integer Zapier's output fields declare, or null (never another type). */
export function integerOrNull(value: unknown): number | null {
  const id = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(id) && String(value).trim() !== '' ? id : null;
}
