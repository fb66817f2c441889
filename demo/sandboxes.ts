/**
 * The embedded default of `npm start`: the Ecomail and GoOut sandboxes in this process, the GoOut
 * one seeded with Czech and Slovak purchases, plus Ellity webhook bodies for some of those buyers.
 */
import { startGoOutSandbox, type GoOutSandbox } from '../test/sandbox/goout';
import type { EllityTrigger } from '@ecomail-bridge/shared';

export const SAMPLE_PURCHASES = 250;
/** Bought between the first and the second poll: the second poll must emit exactly these. */
export const LATER_PURCHASES = 12;
/** Before the sandbox's first purchase: the first poll is a backfill of all of them. */
export const SANDBOX_SINCE = '2020-01-01T00:00:00Z';

/** The GoOut sandbox with the sample purchases of one organiser over four sales. */
export async function startSeededGoOut(): Promise<GoOutSandbox> {
  const goout = await startGoOutSandbox();
  goout.seed(SAMPLE_PURCHASES, { sales: 4 });
  return goout;
}

/** One Ellity webhook call: what Ellity posts after substituting our template's variables. */
export interface EllityDelivery {
  trigger: EllityTrigger;
  body: string;
}

/**
 * Loyalty changes for GoOut buyers (their fields join the same contacts), with values as Ellity
 * sends them (numbers as text, a Czech thousands space) and one repeated delivery, which the
 * trigger's duplicate window drops.
 */
export function sampleEllityDeliveries(emails: readonly string[]): EllityDelivery[] {
  const body = (trigger: EllityTrigger, email: string, customer: Record<string, string>, change = '') =>
    JSON.stringify({
      schema: 'ellity-webhook/1',
      trigger,
      eshopId: '456',
      customer: { id: String(1000 + emails.indexOf(email)), email, groupId: '', groupName: '', ...customer },
      creditChange: { value: change },
    });
  const [a, b, c, d, e] = emails;
  const deliveries: EllityDelivery[] = [
    { trigger: 'credit_changed', body: body('credit_changed', a, { credit: '1 250', tierId: '2', tierName: 'Gold' }, '50') },
    { trigger: 'credit_changed', body: body('credit_changed', b, { credit: '320', tierId: '1', tierName: 'Silver' }, '-80') },
    { trigger: 'tier_changed', body: body('tier_changed', c, { credit: '2 400', tierId: '3', tierName: 'Platinum' }) },
    {
      trigger: 'points_expiring',
      body: body('points_expiring', d, { credit: '900', tierId: '1', tierName: 'Silver', nextExpirationDate: '2026-12-31', nextExpirationValue: '150' }),
    },
    { trigger: 'pin_changed', body: body('pin_changed', e, { credit: '40', tierId: '1', tierName: 'Silver', pin: '4821' }) },
  ];
  // Ellity retried the first call: the same change again within the duplicate window.
  return [...deliveries, deliveries[0]];
}
