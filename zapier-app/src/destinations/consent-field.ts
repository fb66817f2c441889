/**
 * The person's own consent for a typed contact in the apps whose destination has no subscription
 * status to set (GetResponse, SALESmanago). The core's `saveContacts` counts a typed contact as
 * consenting unless told otherwise — you vouch for contacts you enter — so only an explicit No is
 * passed on, as the row's consent; what consent does is the destination's rule, said in `effect`.
 */
import type { PlainInputField } from 'zapier-platform-core';
import { optionalFlag } from '../platform/input';

export function consentField(effect: { yes: string; no: string }): PlainInputField {
  return {
    key: 'consent',
    label: 'Newsletter Consent',
    type: 'boolean',
    required: false,
    helpText: `**Yes** or empty: the person agreed to emails (you vouch for contacts you enter here): ${effect.yes} **No**: ${effect.no}`,
  };
}

/** `saveContacts`' per-row consent: an explicit No, else the core's rule for typed contacts. */
export function consentOf(input: Record<string, unknown>): readonly boolean[] | undefined {
  return optionalFlag(input.consent) === false ? [false] : undefined;
}
