import type { EllityTrigger } from './types';

/** Version tag of our webhook body contract (docs/ellity.md §4.1) [A]. */
export const ELLITY_WEBHOOK_SCHEMA = 'ellity-webhook/1';

/**
 * Triggers a merchant can configure. `credit_changed` and `tier_changed` exist in Ellity's
 * generic webhooks [V]; `points_expiring` and `pin_changed` only if Ellity enables them on
 * request [U].
 */
export const ELLITY_TRIGGERS: readonly EllityTrigger[] = ['credit_changed', 'tier_changed', 'points_expiring', 'pin_changed'];

/**
 * Variables for expiry and PIN are our guess at Ellity's names [A]: its generic-webhook
 * documentation lists none. If Ellity names them differently, only these strings change; an
 * unknown variable arrives empty and the parser treats it as missing.
 */
const EXPIRATION_VARIABLES = {
  nextExpirationDate: '#customer.nextExpiration.date#',
  nextExpirationValue: '#customer.nextExpiration.value#',
};
const PIN_VARIABLES = { pin: '#customer.pin#' };

/**
 * The JSON body the merchant pastes into Ellity (Settings → Integration → Webhooks), one webhook
 * per trigger. Values are `#variable#` placeholders Ellity substitutes as plain text, which is why
 * every value is quoted: numbers then arrive as strings and the parser converts them.
 */
export function ellityWebhookTemplate(trigger: EllityTrigger): string {
  const customer = {
    id: '#customer.id#',
    email: '#customer.email#',
    credit: '#customer.credit#',
    groupId: '#customer.group.id#',
    groupName: '#customer.group.name#',
    tierId: '#customer.tier.id#',
    tierName: '#customer.tier.name#',
    ...(trigger === 'points_expiring' ? EXPIRATION_VARIABLES : {}),
    ...(trigger === 'pin_changed' ? PIN_VARIABLES : {}),
  };
  const body = {
    schema: ELLITY_WEBHOOK_SCHEMA,
    trigger,
    eshopId: '#account.eshopId#',
    customer,
    creditChange: { value: '#creditChange.value#' },
  };
  return JSON.stringify(body, null, 2);
}
