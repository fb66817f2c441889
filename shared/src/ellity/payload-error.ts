/** What was wrong with an Ellity webhook call; shells drop such calls (Zapier: HaltedError). */
export type EllityPayloadProblem = 'empty' | 'missing-email' | 'unreplaced-email' | 'invalid-email';

const TEMPLATE_HINT =
  'Copy the JSON body for this trigger again from the ecomail-bridge template into Ellity (Settings → Integration → Webhooks)';

const MESSAGES: Record<EllityPayloadProblem, string> = {
  empty: `The Ellity webhook arrived without data (empty body and no query parameters). ${TEMPLATE_HINT}.`,
  'missing-email': `The Ellity webhook has no customer e-mail: the body needs "customer": {"email": "#customer.email#"}. ${TEMPLATE_HINT}.`,
  'unreplaced-email':
    'Ellity sent the customer e-mail empty or as the literal "#customer.email#": the customer has no e-mail in Ellity, ' +
    `or the variable name in the webhook body is misspelled. ${TEMPLATE_HINT}.`,
  'invalid-email': `The customer e-mail in the Ellity webhook is not a valid address. ${TEMPLATE_HINT} and check the customer's e-mail in Ellity.`,
};

/**
 * The webhook carried no usable customer e-mail. The message says what to fix; it never quotes the
 * request (which may hold personal data) nor the URL secret.
 */
export class EllityPayloadError extends Error {
  override readonly name = 'EllityPayloadError';

  constructor(readonly problem: EllityPayloadProblem) {
    super(MESSAGES[problem]);
  }
}
