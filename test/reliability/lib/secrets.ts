/**
 * Distinctive credentials for the whole suite, so a leak is found by a plain substring search.
 * Random per run: a report of an old run cannot match by accident.
 */
import { randomBytes } from 'node:crypto';
import { searchLeaks } from './leak-search';

const tag = () => randomBytes(6).toString('hex');

export const SECRETS = {
  ecomailKey: `relkey-ECOMAIL-${tag()}-do-not-leak`,
  /** A second, refused key (scenario 9 sends it and greps for it too). */
  wrongEcomailKey: `relkey-WRONG-${tag()}-do-not-leak`,
  webhookSecret: `relsecret-WEBHOOK-${tag()}${tag()}-do-not-leak`,
};

/** Seeded into every GoOut token the sandbox issues in this run (test/sandbox/goout `tokenMarker`). */
export const GOOUT_TOKEN_MARKER = `relmark-GOOUT-${tag()}`;

/** Every secret seen in this run (GoOut tokens are added as the sandbox issues them). */
const known = new Set<string>(Object.values(SECRETS));

/** The unique part of each seeded secret ("relkey-ECOMAIL-<random>"), found even in a cut-off copy. */
const markers = [GOOUT_TOKEN_MARKER, ...Object.values(SECRETS).map((secret) => secret.split('-').slice(0, 3).join('-'))];

export function knownMarkers(): string[] {
  return [...markers];
}

export function rememberSecret(secret: string | undefined): void {
  if (secret) known.add(secret);
}

export function knownSecrets(): string[] {
  return [...known];
}

/** The secrets (or markers) found in `text`, each shown by a few characters only. */
export function leaksIn(text: string): string[] {
  return searchLeaks([{ where: '', text }], knownSecrets(), markers).map((leak) => leak.secret);
}

/** Texts collected from every run for the final leak scan (outputs, errors, reports, files). */
const captured: Array<{ where: string; text: string }> = [];

export function capture(where: string, text: unknown): void {
  const value = typeof text === 'string' ? text : safeJson(text);
  captured.push({ where, text: value });
}

export function capturedTexts(): ReadonlyArray<{ where: string; text: string }> {
  return captured;
}

/** An error as text: message, stack and own enumerable fields (what a log would print). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return safeJson(error);
  return [error.message, error.stack ?? '', safeJson({ ...error })].join('\n');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner) => (typeof inner === 'bigint' ? String(inner) : inner)) ?? String(value);
  } catch {
    return String(value);
  }
}
