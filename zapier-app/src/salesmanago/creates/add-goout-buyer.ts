/**
 * Add GoOut Buyer to SALESmanago: the GoOut purchase mapped 1:1 from the GoOut app's New Purchase
 * trigger goes through the core's GoOut job (`syncGoOutPurchases`), as in the Ecomail app: the
 * buyer with the GoOut tags (in SALESmanago's spelling), properties and the consent of this
 * purchase, then the purchase as an external event — PURCHASE, or CANCELLATION for a refunded one
 * (docs/salesmanago.md §6.3).
 */
import { DEFAULT_CREATE_ORDERS, syncGoOutPurchases } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { subscribeChoiceField, subscribeChoicesFrom } from '../../ecomail/choice-fields';
import { importModeOf } from '../../ecomail/import-mode-field';
import { savedContactOutputFields, savedContactRecord } from '../../destinations/saved-contact';
import { buyerFields, goOutMappingFields, goOutMappingOf, purchaseFromInput, ticketsField } from '../../goout/purchase-fields';
import { optionalFlag, text } from '../../platform/input';
import { isZapierError } from '../../platform/zapier-errors';
import { salesManagoFor } from '../connection';
import { salesManagoCoreError } from '../errors';
import { CHOICES_LEFT_OUT, NO_TARGET, contactLock, salesManagoImportModeField, savedSample } from '../fields';

const STEP_WIDE = new Set(['ExpiredAuthError', 'ThrottledError']);

/** Of the core's subscribe choices only Resubscribe means something in SALESmanago (CHOICES_LEFT_OUT). */
const SUBSCRIBE_CHOICES = ['resubscribe'] as const;

const optionFields = [
  {
    key: 'createOrder',
    label: 'Also Send Purchase Event',
    type: 'boolean',
    required: false,
    default: String(DEFAULT_CREATE_ORDERS),
    helpText:
      'After the buyer is saved, send the purchase as an external event: PURCHASE (CANCELLATION for a refunded purchase) with the purchase id as external id, the total as value, schedule ids as products, ticket names, purchase time and event categories as details.',
  },
  { key: 'shop', label: 'Location', type: 'string', required: false, helpText: 'The event’s location (shop or source identifier), e.g. `goout`.' },
  ...SUBSCRIBE_CHOICES.map(subscribeChoiceField),
  ...goOutMappingFields('properties'),
] satisfies PlainInputField[];

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const purchase = purchaseFromInput(input);
  const mode = importModeOf(input.importMode);
  const {
    outcomes: [{ contact, order }],
  } = await syncGoOutPurchases(salesManagoFor(z, bundle), NO_TARGET, [purchase], {
    mode,
    subscribe: subscribeChoicesFrom(input, SUBSCRIBE_CHOICES),
    mapping: goOutMappingOf(input),
    createOrders: optionalFlag(input.createOrder),
    shop: text(input.shop),
  });
  const saved = savedContactRecord(z, contact, mode);
  if (order?.status === 'failed') {
    // Refused credentials or throttling end the step as such: Zapier asks to reconnect, or runs it
    // again, event included.
    const error = salesManagoCoreError(z, order.error);
    if (isZapierError(z, error) && STEP_WIDE.has(error.name)) throw error;
    throw new z.errors.Error(`The buyer was saved, but the purchase event was not: ${order.reason}`, 'EventFailed', 500);
  }
  return { ...saved, purchase_id: purchase.purchaseId || null, newsletter_consent: purchase.buyer.newsletterConsent, event_sent: order?.status === 'sent' };
}

export default defineCreate({
  key: 'add_goout_buyer',
  noun: 'Buyer',
  display: {
    label: 'Add GoOut Buyer',
    description: `Adds a GoOut ticket buyer as a SALESmanago contact with the tags and properties of the GoOut sync, and records the purchase as an external event. ${CHOICES_LEFT_OUT}`,
  },
  operation: {
    lock: contactLock,
    inputFields: [salesManagoImportModeField, ...buyerFields, ticketsField, ...optionFields],
    perform,
    sample: { ...savedSample, purchase_id: '8812345', newsletter_consent: true, event_sent: true },
    outputFields: [
      ...savedContactOutputFields('SALESmanago'),
      { key: 'purchase_id', label: 'Purchase ID', type: 'string' },
      { key: 'newsletter_consent', label: 'Newsletter Consent', type: 'boolean' },
      { key: 'event_sent', label: 'Purchase Event Sent', type: 'boolean' },
    ],
  },
});
