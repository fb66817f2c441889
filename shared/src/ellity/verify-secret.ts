/**
 * Checks the `?key=` secret of a webhook URL (Ellity and Ecomail sign nothing, so the URL secret is
 * the only lever). Compares in time that depends only on the lengths, never on where the first
 * difference is: pure JS so the platform-free core can use it everywhere.
 */
export function verifyWebhookSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0 || typeof expected !== 'string' || expected.length === 0) return false;
  const length = Math.max(given.length, expected.length);
  let difference = given.length ^ expected.length;
  for (let index = 0; index < length; index += 1) {
    // Past its end a string reads as 0 (`NaN | 0`), i.e. the shorter one is padded with zeros.
    difference |= (given.charCodeAt(index) | 0) ^ (expected.charCodeAt(index) | 0);
  }
  return difference === 0;
}
