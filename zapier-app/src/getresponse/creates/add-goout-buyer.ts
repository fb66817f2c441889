/**
 * Add GoOut Buyer to a GetResponse list: the GoOut purchase mapped 1:1 from the GoOut app's New
 * Purchase trigger goes through the core's GoOut job (`syncGoOutPurchases`), as in the Ecomail app:
 * the buyer with the GoOut tags (in GetResponse's spelling) and fields, added to the list only
 * with the consent of this purchase. GetResponse keeps no orders (its adapter answers the job's
 * order "skipped" without a call), so the purchase lives on the contact as its tags and fields
 * (docs/getresponse.md §8) and no order option is offered.
 */
import { syncGoOutPurchases } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { subscribeChoicesFrom, tagHandlingOf } from '../../ecomail/choice-fields';
import { importModeField, importModeOf } from '../../ecomail/import-mode-field';
import { buyerFields, goOutMappingFields, goOutMappingOf, purchaseFromInput, ticketsField } from '../../goout/purchase-fields';
import { requiredText } from '../../platform/input';
import { getResponseFor } from '../connection';
import { CHOICES_LEFT_OUT, campaignField, contactLock, getResponseTagHandlingField, startAutomationsField } from '../fields';
import { getResponseContactOutputFields, getResponseSavedContact, savedContactSample } from '../saved-contact';

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const campaignId = requiredText(input.campaignId, 'List');
  const purchase = purchaseFromInput(input);
  const mode = importModeOf(input.importMode);
  const {
    outcomes: [{ contact }],
  } = await syncGoOutPurchases(getResponseFor(z, bundle), campaignId, [purchase], {
    mode,
    tagHandling: tagHandlingOf(input.tagHandling),
    subscribe: subscribeChoicesFrom(input, ['triggerAutomations']),
    mapping: goOutMappingOf(input),
  });
  return { ...getResponseSavedContact(z, contact, campaignId, mode), purchase_id: purchase.purchaseId || null, newsletter_consent: purchase.buyer.newsletterConsent };
}

export default defineCreate({
  key: 'add_goout_buyer',
  noun: 'Buyer',
  display: {
    label: 'Add GoOut Buyer',
    description: `Adds a GoOut ticket buyer who consented to a GetResponse list (or updates one already in it) with the tags and fields of the GoOut sync. ${CHOICES_LEFT_OUT}`,
  },
  operation: {
    lock: contactLock,
    inputFields: [campaignField, importModeField, ...buyerFields, ticketsField, startAutomationsField, getResponseTagHandlingField, ...goOutMappingFields('custom fields')],
    perform,
    sample: { ...savedContactSample, purchase_id: '8812345', newsletter_consent: true },
    outputFields: [
      ...getResponseContactOutputFields,
      { key: 'purchase_id', label: 'Purchase ID', type: 'string' },
      { key: 'newsletter_consent', label: 'Newsletter Consent', type: 'boolean' },
    ],
  },
});
