/**
 * Add GoOut Buyer: one GoOut purchase, mapped field by field (1:1 from the GoOut app's New Purchase
 * trigger, tickets as line items), becomes the core's normalised purchase (`goOutPurchaseFromFields`)
 * and goes through the core's GoOut job (`syncGoOutPurchases`): the buyer is saved with the tags,
 * fields, consent rule and personalisation of Ecomail's own GoOut sync, then — if chosen — the
 * purchase is sent as an order. Every decision is the core's; this file reads inputs and shapes
 * the result.
 */
import { goOutPurchaseFromFields, syncGoOutPurchases } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { lineItemsOf, optionalFlag, requiredText, text, textList } from '../../platform/input';
import { isZapierError } from '../../platform/zapier-errors';
import { createOrderField, orderShopField, personalizationField, subscribeChoiceField, subscribeChoicesFrom, tagHandlingField, tagHandlingOf } from '../choice-fields';
import { ecomailClient } from '../client';
import { contactOutputFields, contactSample } from '../contact-output';
import { listField } from '../fields';
import { importModeField, importModeOf } from '../import-mode-field';
import { savedContact } from '../saved-contact';
import { contactLock } from '../contact-lock';

const buyerFields = [
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
const ticketsField = {
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

const TICKET_KEYS = ['ticketId', 'dealName', 'price', 'currency', 'eventId', 'eventName', 'eventMainCategory', 'eventCategories', 'eventStart', 'scheduleId'] as const;

const SUBSCRIBE_CHOICES = ['resubscribe', 'triggerAutomations'] as const;

const optionFields = [
  createOrderField('Send the purchase as an Ecomail order (its tickets as the items) after the buyer is saved.'),
  orderShopField,
  ...SUBSCRIBE_CHOICES.map(subscribeChoiceField),
  tagHandlingField,
  { ...personalizationField, helpText: 'Clean up names (case, spaces, academic titles) and fill vocative, gender and name day for Czech and Slovak buyers.' },
  { key: 'eventFields', label: 'Last Event Fields', type: 'boolean', required: false, default: 'false', helpText: 'Store the event name and start in the custom fields `goout_last_event` and `goout_last_event_start`.' },
  { key: 'extraTags', label: 'Extra Tags', type: 'string', list: true, required: false, helpText: 'Added after the GoOut tags.' },
] satisfies PlainInputField[];

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const listId = requiredText(input.listId, 'List');
  const purchase = goOutPurchaseFromFields({
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
  const mode = importModeOf(input.importMode);
  const client = ecomailClient(z, bundle);
  const {
    outcomes: [{ contact, order }],
  } = await syncGoOutPurchases(client, listId, [purchase], {
    mode,
    tagHandling: tagHandlingOf(input.tagHandling),
    subscribe: subscribeChoicesFrom(input, SUBSCRIBE_CHOICES),
    mapping: { eventFields: optionalFlag(input.eventFields), personalization: optionalFlag(input.personalization), extraTags: textList(input.extraTags) },
    createOrders: optionalFlag(input.createOrder),
    shop: text(input.shop),
  });
  // An order is sent only for a saved buyer, so a failed one needs no read-back of the contact.
  if (order?.status === 'failed') {
    // A refused key or a 429 on the order call is already Zapier's error (the app's afterResponse
    // rule): passed on, so Zapier asks to reconnect or runs the step again, order included.
    if (isZapierError(z, order.error)) throw order.error;
    throw new z.errors.Error(`The buyer was saved, but the order was not: ${order.reason}`, 'OrderFailed', 500);
  }
  const saved = await savedContact(z, client, listId, contact, mode);
  return { ...saved, purchase_id: purchase.purchaseId || null, newsletter_consent: purchase.buyer.newsletterConsent, order_sent: order?.status === 'sent' };
}

export default defineCreate({
  key: 'add_goout_buyer',
  noun: 'Buyer',
  display: {
    label: 'Add GoOut Buyer',
    description: 'Adds a GoOut ticket buyer to a list with the tags and fields of Ecomail’s own GoOut sync, and records the purchase as an order.',
  },
  operation: {
    lock: contactLock,
    inputFields: [listField, importModeField, ...buyerFields, ticketsField, ...optionFields],
    perform,
    sample: {
      ...contactSample,
      already_subscribed: false,
      import_mode: 'add-and-update',
      purchase_id: '8812345',
      newsletter_consent: true,
      order_sent: true,
    },
    outputFields: [
      ...contactOutputFields,
      { key: 'already_subscribed', label: 'Was Already in List', type: 'boolean' },
      { key: 'import_mode', label: 'Import Mode', type: 'string' },
      { key: 'purchase_id', label: 'Purchase ID', type: 'string' },
      { key: 'newsletter_consent', label: 'Newsletter Consent', type: 'boolean' },
      { key: 'order_sent', label: 'Order Sent', type: 'boolean' },
    ],
  },
});
