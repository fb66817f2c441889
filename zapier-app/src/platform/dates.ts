/**
 * ISO 8601 with a zone for every date the apps emit (Zapier check D023). Ecomail answers either
 * "2026-06-14 18:02:11" (UTC, docs/ecomail-api.md §1) or ISO with microseconds; both become
 * "2026-06-14T18:02:11.000Z". Unreadable values become null rather than a wrong date.
 */
export function isoDateTime(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const raw = value.trim();
  const sqlStyle = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(raw);
  const ms = Date.parse(sqlStyle ? `${raw.replace(' ', 'T')}Z` : raw);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
