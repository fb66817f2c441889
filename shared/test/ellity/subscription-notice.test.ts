import { ellitySubscriptionNotice } from '@ecomail-bridge/shared';

describe('ellitySubscriptionNotice', () => {
  it.each([
    [
      { email: ' Jana@Example.cz ', status: 'subscribed' as const, listId: 1 },
      { payload: { email: 'jana@example.cz', status: 'SUBSCRIBED', listId: 1, campaignId: null } },
    ],
    [
      { email: 'jana@example.cz', status: 'unsubscribed' as const, listId: '7', campaignId: 1532 },
      { payload: { email: 'jana@example.cz', status: 'UNSUBSCRIBED', listId: 7, campaignId: 1532 } },
    ],
  ])('%p', (input, expected) => {
    expect(ellitySubscriptionNotice(input)).toEqual(expected);
  });

  it.each([
    [{ email: 'nope', status: 'subscribed' as const, listId: 1 }, /e-mail/],
    [{ email: 'jana@example.cz', status: 'subscribed' as const, listId: 'seven' }, /list id/],
    [{ email: 'jana@example.cz', status: 'subscribed' as const, listId: 0 }, /list id/],
  ])('refuses %p', (input, message) => {
    expect(() => ellitySubscriptionNotice(input)).toThrow(message);
  });
});
