/**
 * A GoOut purchase as the input fields of an "Add GoOut Buyer" action (in every destination app),
 * mapped 1:1 from the GoOut app's New Purchase trigger with the tickets as line items, and their
 * reader: the core's `goOutPurchaseFromFields` rebuilds the purchase the core's GoOut job takes.
 */
import { goOutPurchaseFromFields, type GoOutMappingOptions, type GoOutPurchase } from '@ecomail-bridge/shared';
import type { PlainInputField } from 'zapier-platform-core';
import { personalizationField } from '../ecomail/choice-fields';
import { lineItemsOf, optionalFlag, requiredText, text, textList } from '../platform/input';

export const buyerFields = [
  { key: 'email', label: 'Buyer Email', type: 'string', required: true },
  { key: 'firstName', label: 'First Name', type: 'string', required: false },
  { key: 'lastName', label: 'Last Name', type: 'string', required: false, helpText: 'Academic titles such as `Ing.` or `Ph.D.` are split off into their own fields.' },
  { key: 'country', label: 'Country', type: 'string', required: false, helpText: 'Two-letter ISO code; `CZ` / `SK` pick the name-day calendar.' },
  { key: 'language', label: 'Language', type: 'string', required: false, helpText: 'GoOut web language (`cs`, `sk`, `en`, …); becomes the `GoOut_<lang>` tag.' },
  { key: 'newsletterConsent', label: 'Newsletter Consent', type: 'boolean', required: false, default: 'false', helpText: 'Only an explicit yes adds the `GoOut_newsletter` tag that campaigns should segment on.' },
  { key: 'purchaseId', label: 'Purchase ID', type: 'string', required: false, helpText: 'Becomes the order id.' },
  { key: 'purchasedAt', label: 'Purchased At', type: 'datetime', required: false },
  { key: 'status', label: 'Purchase Status', type: 'string', required: false, helpText: 'GoOut’s state, e.g. `paid` or `refunded`; empty means paid.' },
] satisfies PlainInputField[];

/** The tickets as line items, child keys as the core's `GoOutTicketFields` names them. */
export const ticketsField = {
  key: 'tickets',
  label: 'Tickets',
  children: [
    { key: 'ticketId', label: 'Ticket ID', type: 'string', required: false },
    { key: 'dealName', label: 'Deal', type: 'string', required: false },
    { key: 'price', label: 'Price', type: 'number', required: false, helpText: 'In currency units, e.g. `390`.' },
    { key: 'currency', label: 'Currency', type: 'string', required: false, helpText: 'ISO code; empty means CZK.' },
    { key: 'eventId', label: 'Event ID', type: 'string', required: false },
    { key: 'eventName', label: 'Event Name', type: 'string', required: false },
    { key: 'eventMainCategory', label: 'Event Main Category', type: 'string', required: false, helpText: 'GoOut’s main category (e.g. `theatre`); it labels the order line, it is not a tag.' },
    { key: 'eventCategories', label: 'Event Categories', type: 'string', required: false, helpText: 'Comma-separated; each becomes a tag (e.g. `drama`).' },
    { key: 'eventStart', label: 'Event Start', type: 'datetime', required: false },
    { key: 'scheduleId', label: 'Schedule ID', type: 'string', required: false },
  ],
} satisfies PlainInputField;

/** The child keys of `ticketsField`, as the core's `GoOutTicketFields` names them. */
const TICKET_KEYS = ['ticketId', 'dealName', 'price', 'currency', 'eventId', 'eventName', 'eventMainCategory', 'eventCategories', 'eventStart', 'scheduleId'] as const;

/** The purchase the user mapped, as the core rebuilds it. */
export function purchaseFromInput(input: Record<string, unknown>): GoOutPurchase {
  return goOutPurchaseFromFields({
    email: requiredText(input.email, 'Buyer Email'),
    firstName: text(input.firstName),
    lastName: text(input.lastName),
    country: text(input.country),
    language: text(input.language),
    newsletterConsent: optionalFlag(input.newsletterConsent) === true,
    purchaseId: text(input.purchaseId),
    purchasedAt: text(input.purchasedAt),
    status: text(input.status),
    tickets: lineItemsOf(input.tickets, TICKET_KEYS),
  });
}

/**
 * The core's GoOut mapping options (`mapGoOutPurchase`) as fields; `fieldsWord` names where the
 * destination keeps the last-event values (Ecomail: custom fields, SALESmanago: properties).
 */
export function goOutMappingFields(fieldsWord: string): PlainInputField[] {
  return [
    { ...personalizationField, helpText: 'Clean up names (case, spaces, academic titles) and fill vocative, gender and name day for Czech and Slovak buyers.' },
    {
      key: 'eventFields',
      label: 'Last Event Fields',
      type: 'boolean',
      required: false,
      default: 'false',
      helpText: `Store the event name and start in the ${fieldsWord} \`goout_last_event\` and \`goout_last_event_start\`.`,
    },
    { key: 'extraTags', label: 'Extra Tags', type: 'string', list: true, required: false, helpText: 'Added after the GoOut tags.' },
  ];
}

/** The answers to `goOutMappingFields`; empty ones leave the core's defaults. */
export function goOutMappingOf(input: Record<string, unknown>): GoOutMappingOptions {
  return { eventFields: optionalFlag(input.eventFields), personalization: optionalFlag(input.personalization), extraTags: textList(input.extraTags) };
}
