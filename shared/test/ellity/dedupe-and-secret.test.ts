import { createDedupeWindow, ellityDedupeKey, parseEllityWebhook, verifyWebhookSecret } from '@ecomail-bridge/shared';

const eventAt = (iso: string, credit: string, email = 'jana@example.cz') =>
  parseEllityWebhook({ trigger: 'credit_changed', customer: { email, credit } }, undefined, { now: () => Date.parse(iso) });

describe('ellityDedupeKey', () => {
  it('is equal for the same e-mail, trigger and balance within one minute', () => {
    expect(ellityDedupeKey(eventAt('2026-03-01T10:00:05Z', '250'))).toBe(ellityDedupeKey(eventAt('2026-03-01T10:00:55Z', '250')));
  });

  it.each([
    ['another balance', eventAt('2026-03-01T10:00:05Z', '300')],
    ['another minute', eventAt('2026-03-01T10:01:05Z', '250')],
    ['another e-mail', eventAt('2026-03-01T10:00:05Z', '250', 'petr@example.cz')],
  ])('differs for %s', (_name, other) => {
    expect(ellityDedupeKey(other)).not.toBe(ellityDedupeKey(eventAt('2026-03-01T10:00:05Z', '250')));
  });
});

describe('createDedupeWindow', () => {
  it('reports a key seen within the window and forgets it afterwards', () => {
    let time = 0;
    const window = createDedupeWindow({ windowMs: 1000, now: () => time });
    expect(window.seen('a')).toBe(false);
    time = 999;
    expect(window.seen('a')).toBe(true);
    time = 1000;
    expect(window.seen('a')).toBe(false);
    expect(window.seen('b')).toBe(false);
    expect(window.size).toBe(2);
    time = 5000;
    expect(window.seen('c')).toBe(false);
    expect(window.size).toBe(1);
  });

  it('holds at most maxEntries keys, forgetting the oldest', () => {
    const window = createDedupeWindow({ windowMs: 60_000, maxEntries: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) expect(window.seen(key)).toBe(false);
    expect(window.size).toBe(3);
    expect(window.seen('d')).toBe(true);
    expect(window.seen('a')).toBe(false);
  });
});

describe('verifyWebhookSecret', () => {
  const secret = 'k7Q2-x9vLm0pR4tY8wZ1aB3cD5eF6gH7';

  it.each<[string, unknown, boolean]>([
    ['equal', secret, true],
    ['different', 'a'.repeat(secret.length), false],
    ['one character off at the end', `${secret.slice(0, -1)}8`, false],
    ['one character off at the start', `K${secret.slice(1)}`, false],
    ['a prefix', secret.slice(0, 10), false],
    ['longer', `${secret}x`, false],
    ['padded with NUL', `${secret}\u0000`, false],
    ['missing', undefined, false],
    ['null', null, false],
    ['empty', '', false],
    ['not text', 12345, false],
    ['repeated query parameter (array)', [secret], false],
  ])('%s → %p', (_name, given, expected) => {
    expect(verifyWebhookSecret(given, secret)).toBe(expected);
  });

  it('refuses everything when no secret is configured', () => {
    expect(verifyWebhookSecret('', '')).toBe(false);
    expect(verifyWebhookSecret('x', '')).toBe(false);
  });
});
