/** Ecomail date formats (docs/ecomail-api.md §1): "YYYY-MM-DD HH:MM:SS" on most endpoints, ISO with microseconds on others. UTC. */

export function sqlDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** "2026-06-14 18:02:11" → "2026-06-14T18:02:11.000000Z" */
export function isoMicros(sql: string | null): string | null {
  return sql === null ? null : `${sql.replace(' ', 'T')}.000000Z`;
}

/** List creation date as the list detail shows it, e.g. "3.5.2021". */
export function czechDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}`;
}
