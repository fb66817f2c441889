import { EcomailWebhookPayloadError, parseEcomailListWebhook } from '@ecomail-bridge/shared';

describe('parseEcomailListWebhook', () => {
  it.each<[string, unknown, ReturnType<typeof parseEcomailListWebhook>]>([
    [
      'documented body',
      { payload: { email: 'petra.novakova@example.cz', status: 'UNSUBSCRIBED', listId: 7, campaignId: 1532 } },
      { email: 'petra.novakova@example.cz', status: 'unsubscribed', listId: 7, campaignId: 1532 },
    ],
    [
      'raw JSON text, campaignId null',
      '{"payload": {"email": "Jana@Example.cz", "status": "SUBSCRIBED", "listId": 1, "campaignId": null}}',
      { email: 'jana@example.cz', status: 'subscribed', listId: 1, campaignId: null },
    ],
    [
      'unwrapped, lower-case status, ids as strings, no campaignId',
      { email: 'jana@example.cz', status: ' subscribed ', listId: '12' },
      { email: 'jana@example.cz', status: 'subscribed', listId: 12, campaignId: null },
    ],
  ])('%s', (_name, body, expected) => {
    expect(parseEcomailListWebhook(body)).toEqual(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['empty', '', /empty or not JSON/],
    ['not JSON', 'hello', /empty or not JSON/],
    ['array', [], /empty or not JSON/],
    ['no e-mail', { payload: { status: 'SUBSCRIBED', listId: 1 } }, /no valid e-mail/],
    ['other status', { payload: { email: 'a@example.cz', status: 'BOUNCED', listId: 1 } }, /SUBSCRIBED or UNSUBSCRIBED/],
    ['no list id', { payload: { email: 'a@example.cz', status: 'SUBSCRIBED' } }, /listId/],
    ['list id not a number', { payload: { email: 'a@example.cz', status: 'SUBSCRIBED', listId: 'seven' } }, /listId/],
  ])('refuses %s with a clear error', (_name, body, message) => {
    expect(() => parseEcomailListWebhook(body)).toThrow(EcomailWebhookPayloadError);
    expect(() => parseEcomailListWebhook(body)).toThrow(message);
  });
});
