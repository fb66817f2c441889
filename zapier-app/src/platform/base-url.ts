import type { ZObject } from 'zapier-platform-core';

/** Plain http is accepted only for this machine: the local sandboxes that tests and `invoke` use. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The API Base URL a user typed, refused unless it is https: over plain http the API key or token
 * would travel readable. Empty → undefined (the service's default URL).
 */
export function secureBaseUrl(z: ZObject, raw: string | undefined, service: string): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new z.errors.Error(`The ${service} API Base URL "${value}" is not a URL; it should look like https://….`, 'InvalidInput', 400);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return value;
  throw new z.errors.Error(
    `The ${service} API Base URL must start with https:// (it is "${value}"): over plain http the credentials would travel unencrypted. Edit the connection.`,
    'InvalidInput',
    400,
  );
}
