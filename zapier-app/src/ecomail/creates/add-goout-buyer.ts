/**
 * Add GoOut Buyer: one GoOut purchase, mapped field by field (1:1 from the GoOut app's New Purchase
 * trigger, tickets as line items), becomes the core's normalised purchase (`goOutPurchaseFromFields`)
 * and goes through the core's GoOut job (`syncGoOutPurchases`): the buyer is saved with the tags,
 * fields, consent rule and personalisation of Ecomail's own GoOut sync, then — if chosen — the
 * purchase is sent as an order. Every decision is the core's; this file reads inputs and shapes
 * the result.
 */
import { syncGoOutPurchases } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { buyerFields, goOutMappingFields, goOutMappingOf, purchaseFromInput, ticketsField } from '../../goout/purchase-fields';
import { optionalFlag, requiredText, text } from '../../platform/input';
import { isZapierError } from '../../platform/zapier-errors';
import { createOrderField, orderShopField, subscribeChoiceField, subscribeChoicesFrom, tagHandlingField, tagHandlingOf } from '../choice-fields';
import { ecomailClient } from '../client';
import { contactOutputFields, contactSample } from '../contact-output';
import { listField } from '../fields';
import { importModeField, importModeOf } from '../import-mode-field';
import { savedContact } from '../saved-contact';
import { contactLock } from '../contact-lock';

const SUBSCRIBE_CHOICES = ['resubscribe', 'triggerAutomations'] as const;

const optionFields = [
  createOrderField('Send the purchase as an Ecomail order (its tickets as the items) after the buyer is saved.'),
  orderShopField,
  ...SUBSCRIBE_CHOICES.map(subscribeChoiceField),
  tagHandlingField,
  ...goOutMappingFields('custom fields'),
] satisfies PlainInputField[];

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const listId = requiredText(input.listId, 'List');
  const purchase = purchaseFromInput(input);
  const mode = importModeOf(input.importMode);
  const client = ecomailClient(z, bundle);
  const {
    outcomes: [{ contact, order }],
  } = await syncGoOutPurchases(client, listId, [purchase], {
    mode,
    tagHandling: tagHandlingOf(input.tagHandling),
    subscribe: subscribeChoicesFrom(input, SUBSCRIBE_CHOICES),
    mapping: goOutMappingOf(input),
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
