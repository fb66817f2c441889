/**
 * Add GoOut Buyer: puts a ticket buyer into a list with the conventions of Ecomail's own GoOut
 * sync (source `GoOut`, tags `GoOut`, `GoOut_<lang>`, `GoOut_newsletter` only with consent, event
 * category tags, Czech/Slovak vocative and name day), all decided by the core's
 * `mapGoOutPurchase` / `goOutUpsertOptions`. Fields map 1:1 from the GoOut app's New Purchase
 * trigger, or from any other source of buyers.
 */
import {
  mapGoOutPurchase,
  mergeTags,
  type GoOutPurchase,
  type GoOutPurchaseItem,
} from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { flag, requiredText, text, textList } from '../../platform/input';
import { ecomailClient } from '../client';
import { contactOutputFields, contactSample } from '../contact-output';
import { withEcomailErrors } from '../errors';
import { listField } from '../fields';
import { importModeField, importModeOf } from '../import-mode-field';
import { saveContact } from '../save-contact';
import { contactLock } from '../contact-lock';

const buyerFields = [
  { key: 'email', label: 'Buyer Email', type: 'string', required: true },
  { key: 'firstName', label: 'First Name', type: 'string', required: false },
  { key: 'lastName', label: 'Last Name', type: 'string', required: false, helpText: 'Academic titles such as `Ing.` or `Ph.D.` are split off into their own fields.' },
  { key: 'country', label: 'Country', type: 'string', required: false, helpText: 'Two-letter ISO code; `CZ` / `SK` pick the name-day calendar.' },
  { key: 'language', label: 'Language', type: 'string', required: false, helpText: 'GoOut web language (`cs`, `sk`, `en`, …); becomes the `GoOut_<lang>` tag.' },
  { key: 'newsletterConsent', label: 'Newsletter Consent', type: 'boolean', required: false, default: 'false', helpText: 'Only an explicit yes adds the `GoOut_newsletter` tag that campaigns should segment on.' },
  { key: 'purchaseId', label: 'Purchase ID', type: 'string', required: false },
  { key: 'purchasedAt', label: 'Purchased At', type: 'datetime', required: false },
  { key: 'eventName', label: 'Event Name', type: 'string', required: false },
  { key: 'eventCategory', label: 'Event Category', type: 'string', required: false, helpText: 'Becomes a category tag when **Category Tags** is on.' },
  { key: 'eventStart', label: 'Event Start', type: 'datetime', required: false },
] satisfies PlainInputField[];

const optionFields = [
  { key: 'goOutTags', label: 'GoOut Tags', type: 'boolean', required: false, default: 'true', helpText: 'Add `GoOut`, `GoOut_<lang>` and (with consent) `GoOut_newsletter`; existing tags are kept.' },
  { key: 'categoryTags', label: 'Category Tags', type: 'boolean', required: false, default: 'true' },
  { key: 'eventFields', label: 'Last Event Fields', type: 'boolean', required: false, default: 'false', helpText: 'Store the event name and start in the custom fields `goout_last_event` and `goout_last_event_start`.' },
  { key: 'personalization', label: 'Vocative and Name Day', type: 'boolean', required: false, default: 'true', helpText: 'Fill vocative, gender and name day for Czech and Slovak buyers.' },
  { key: 'extraTags', label: 'Extra Tags', type: 'string', list: true, required: false },
  { key: 'resubscribe', label: 'Resubscribe Consenting Buyers', type: 'boolean', required: false, default: 'false', helpText: 'Subscribe again a buyer who had unsubscribed, only when the buyer gave consent in this purchase.' },
] satisfies PlainInputField[];

/** The mapped fields as a normalised purchase (goout.md §5), so the core's GoOut mapping applies. */
function purchaseFrom(input: Record<string, unknown>): GoOutPurchase {
  const eventName = text(input.eventName);
  const category = text(input.eventCategory);
  const start = text(input.eventStart);
  const items: GoOutPurchaseItem[] =
    eventName || category
      ? [
          {
            ticketId: text(input.purchaseId) ?? '',
            dealName: null,
            priceCents: 0,
            currency: 'CZK',
            event: { id: '', name: eventName ?? null, mainCategory: category ?? null, tags: [] },
            schedule: start ? { id: '', startAt: start } : null,
            venue: null,
          },
        ]
      : [];
  return {
    source: 'goout',
    purchaseId: text(input.purchaseId) ?? '',
    purchasedAt: text(input.purchasedAt) ?? new Date().toISOString(),
    status: 'paid',
    buyer: {
      email: requiredText(input.email, 'Buyer Email'),
      firstName: text(input.firstName) ?? null,
      lastName: text(input.lastName) ?? null,
      country: text(input.country)?.toUpperCase() ?? null,
      language: text(input.language)?.toLowerCase() ?? null,
      newsletterConsent: flag(input.newsletterConsent, false),
    },
    items,
    derivedTags: [],
  };
}

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const listId = requiredText(input.listId, 'List');
  const purchase = purchaseFrom(input);
  const subscriber = mapGoOutPurchase(purchase, {
    tags: flag(input.goOutTags, true),
    categoryTags: flag(input.categoryTags, true),
    eventFields: flag(input.eventFields, false),
    personalization: flag(input.personalization, true),
    extraTags: textList(input.extraTags),
  });
  const client = ecomailClient(z, bundle);
  if (subscriber.tags) {
    // Ecomail replaces the tag set: keep the tags the contact already has.
    const existing = await withEcomailErrors(z, () => client.getContact(subscriber.email));
    subscriber.tags = mergeTags(existing?.tags ?? [], subscriber.tags);
  }
  const contact = await saveContact(z, client, listId, subscriber, importModeOf(input.importMode), { resubscribe: flag(input.resubscribe, false) });
  return { ...contact, purchase_id: purchase.purchaseId || null, newsletter_consent: purchase.buyer.newsletterConsent };
}

export default defineCreate({
  key: 'add_goout_buyer',
  noun: 'Buyer',
  display: {
    label: 'Add GoOut Buyer',
    description: 'Adds a GoOut ticket buyer to a list with the tags and fields of Ecomail’s own GoOut sync.',
  },
  operation: {
    lock: contactLock,
    inputFields: [listField, importModeField, ...buyerFields, ...optionFields],
    perform,
    sample: {
      ...contactSample,
      already_subscribed: false,
      import_mode: 'add-and-update',
      purchase_id: '8812345',
      newsletter_consent: true,
    },
    outputFields: [
      ...contactOutputFields,
      { key: 'already_subscribed', label: 'Was Already in List', type: 'boolean' },
      { key: 'import_mode', label: 'Import Mode', type: 'string' },
      { key: 'purchase_id', label: 'Purchase ID', type: 'string' },
      { key: 'newsletter_consent', label: 'Newsletter Consent', type: 'boolean' },
    ],
  },
});
