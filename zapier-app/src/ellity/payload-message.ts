/**
 * What to tell a Zapier user about an Ellity webhook without a usable customer email, by the
 * core's problem code. The core's own message points at a template outside Zapier; here the fix
 * is named where the user finds it (`hint`: the trigger's setup text, or the mapped field).
 */
import type { EllityPayloadError, EllityPayloadProblem } from '@ecomail-bridge/shared';

const PROBLEMS: Record<EllityPayloadProblem, string> = {
  empty: 'The Ellity webhook arrived without data (empty body and no query parameters).',
  'missing-email': 'The Ellity webhook has no customer email: the body needs "customer": {"email": "#customer.email#"}.',
  'unreplaced-email':
    'Ellity sent the customer email empty or as the literal "#customer.email#": the customer has no email in Ellity, or the variable name in the webhook body is misspelled.',
  'invalid-email': 'The customer email in the Ellity webhook is not a valid address; check the customer’s email in Ellity.',
};

export function ellityPayloadMessage(error: EllityPayloadError, hint: string): string {
  return `${PROBLEMS[error.problem]} ${hint}`;
}
