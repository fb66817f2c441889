/**
 * The leak search: where does any secret of a run show up? Written to be called from anywhere that
 * collects texts or files of a run — the reliability scenarios, and the real-n8n e2e run
 * (`npm run test:n8n`) for n8n's saved execution data (its database file) and its log.
 *
 * A secret is found as it is, URL-encoded, JSON-escaped or base64-encoded; a marker (a unique
 * piece seeded into the secrets of one run, e.g. into every GoOut token the sandbox issues) is
 * found as it is, so a cut-off secret is caught too.
 */
import { readFileSync } from 'node:fs';

export interface CapturedText {
  where: string;
  text: string;
}

export interface Leak {
  where: string;
  /** The secret, shown by its first and last few characters only. */
  secret: string;
}

function formsOf(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64')])];
}

export function shownAs(secret: string): string {
  return `${secret.slice(0, 12)}…${secret.slice(-6)}`;
}

/** Every (place, secret) pair where a secret or a marker appears, in the order of `texts`. */
export function searchLeaks(texts: Iterable<CapturedText>, secrets: Iterable<string>, markers: Iterable<string> = []): Leak[] {
  const needles: Array<{ form: string; shown: string }> = [];
  for (const secret of secrets) for (const form of formsOf(secret)) needles.push({ form, shown: shownAs(secret) });
  for (const marker of markers) needles.push({ form: marker, shown: `marker ${marker.slice(0, 8)}…` });
  const leaks: Leak[] = [];
  for (const { where, text } of texts) {
    const found = new Set(needles.filter(({ form }) => form.length > 0 && text.includes(form)).map(({ shown }) => shown));
    for (const secret of found) leaks.push({ where, secret });
  }
  return leaks;
}

/** The same search over files (a SQLite database, a log), read as UTF-8 and as raw bytes. */
export function searchFilesForLeaks(files: readonly string[], secrets: Iterable<string>, markers: Iterable<string> = []): Leak[] {
  const texts: CapturedText[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    texts.push({ where: `file ${file}`, text: `${bytes.toString('utf8')}\n${bytes.toString('latin1')}` });
  }
  return searchLeaks(texts, [...secrets], [...markers]);
}
