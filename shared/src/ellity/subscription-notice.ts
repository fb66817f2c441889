import { isValidEmail, normalizeEmail } from '../ecomail/validation';

export interface EllitySubscriptionNoticeInput {
  email: string;
  status: 'subscribed' | 'unsubscribed';
  listId: number | string;
  campaignId?: number | null;
}

export interface EllitySubscriptionNotice {
  payload: { email: string; status: 'SUBSCRIBED' | 'UNSUBSCRIBED'; listId: number; campaignId: number | null };
}

/**
 * The body we POST to Ellity's "points for subscription" URL when a list reports a (un)subscribe.
 * Ellity's inbound contract is unknown [U]; we send what it already consumes from Ecomail's list
 * webhook (docs/ellity.md §5) [A], whatever destination reported the change.
 */
export function ellitySubscriptionNotice(input: EllitySubscriptionNoticeInput): EllitySubscriptionNotice {
  const email = normalizeEmail(String(input.email ?? ''));
  if (!isValidEmail(email)) throw new Error('Cannot notify Ellity: the contact has no valid e-mail address.');
  const listId = Number(input.listId);
  if (!Number.isInteger(listId) || listId <= 0) throw new Error('Cannot notify Ellity: the list id must be a positive whole number.');
  return {
    payload: {
      email,
      status: input.status === 'subscribed' ? 'SUBSCRIBED' : 'UNSUBSCRIBED',
      listId,
      campaignId: input.campaignId ?? null,
    },
  };
}
