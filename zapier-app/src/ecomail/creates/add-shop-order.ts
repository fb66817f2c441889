/**
 * Add IdoSell Shop Order: one shop order — mapped field by field from the IdoSell app's New Order
 * trigger, lines as line items — or one newsletter subscriber without an account, rebuilt by the
 * core (`shopRecordFromFields`) and sent through the core's shop job (`syncShopOrders`): the
 * consent mode decides whether the shopper is sent at all; the shopper is saved with the IdoSell
 * fields and tags (account or newsletter, category path); then, if chosen, the order. Every
 * decision is the core's; this file reads inputs and shapes the result.
 */
import {
  DEFAULT_SHOP_CONSENT_MODE,
  DEFAULT_SHOP_SEGMENT_TAGS,
  SHOP_CONSENT_MODE_TEXT,
  isShopConsentMode,
  shopRecordFromFields,
  syncShopOrders,
  type ShopConsentMode,
} from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { lineItemsOf, optionalFlag, requiredText, text, textList } from '../../platform/input';
import { zapierWording } from '../../platform/wording';
import { createOrderField, orderShopField, personalizationField, subscribeChoiceField, subscribeChoicesFrom, tagHandlingField, tagHandlingOf } from '../choice-fields';
import { ecomailClient } from '../client';
import { contactLock } from '../contact-lock';
import { contactOutputFields, contactSample } from '../contact-output';
import { listField } from '../fields';
import { importModeField, importModeOf } from '../import-mode-field';
import { savedContact } from '../saved-contact';

const CONSENT_MODES = Object.keys(SHOP_CONSENT_MODE_TEXT) as ShopConsentMode[];

const consentModeField = {
  key: 'consentMode',
  label: 'Consent Mode',
  type: 'string',
  required: true,
  default: DEFAULT_SHOP_CONSENT_MODE,
  choices: CONSENT_MODES.map((mode) => ({ value: mode, label: zapierWording(SHOP_CONSENT_MODE_TEXT[mode].label), sample: mode })),
  helpText: zapierWording(CONSENT_MODES.map((mode) => `**${SHOP_CONSENT_MODE_TEXT[mode].label}**: ${SHOP_CONSENT_MODE_TEXT[mode].description}`).join(' ')),
} satisfies PlainInputField;

const recordTypeField = {
  key: 'recordType',
  label: 'Record Type',
  type: 'string',
  required: false,
  default: 'order',
  choices: [
    { value: 'order', label: 'Order', sample: 'order' },
    { value: 'subscriber', label: 'Newsletter subscriber without an account', sample: 'subscriber' },
  ],
  helpText:
    'An order from **New Order** (the default), or a person who approved the newsletter of the shop given in **Shop ID** and has no customer account: they are tagged `newsletter` and get no order.',
} satisfies PlainInputField;

/** New Order's fields, in the order the trigger gives them. */
const orderFields = [
  { key: 'orderId', label: 'Order ID', type: 'string', required: false, helpText: 'Becomes the Ecomail order id; a later change of the same order replaces it. Required for an order.' },
  { key: 'shopId', label: 'Shop ID', type: 'integer', required: false, helpText: 'The IdoSell shop of the order (or of the subscription).' },
  { key: 'placedAt', label: 'Placed At', type: 'string', required: false, helpText: 'As New Order gives it (`2026-11-30T14:02:00`, shop time).' },
  { key: 'status', label: 'Status', type: 'string', required: false, helpText: 'IdoSell’s status, e.g. `finished`; `canceled`, `false`, `lost`, `joined` or `returned` change the status of the order sent before instead of adding a purchase.' },
  { key: 'currency', label: 'Currency', type: 'string', required: false },
  { key: 'total', label: 'Total', type: 'number', required: false, helpText: 'Empty: the lines’ unit prices × quantities.' },
  { key: 'email', label: 'Buyer Email', type: 'string', required: true },
  { key: 'firstName', label: 'First Name', type: 'string', required: false },
  { key: 'lastName', label: 'Last Name', type: 'string', required: false },
  { key: 'company', label: 'Company', type: 'string', required: false },
  { key: 'phone', label: 'Phone', type: 'string', required: false },
  { key: 'street', label: 'Street', type: 'string', required: false },
  { key: 'zip', label: 'Postal Code', type: 'string', required: false },
  { key: 'city', label: 'City', type: 'string', required: false },
  { key: 'country', label: 'Country', type: 'string', required: false, helpText: 'Two-letter ISO code; `CZ` / `SK` pick the name-day calendar.' },
  { key: 'birthDate', label: 'Birth Date', type: 'string', required: false, helpText: 'As `YYYY-MM-DD`.' },
  { key: 'language', label: 'Language', type: 'string', required: false, helpText: '`cs`, `pl` (or IdoSell’s `cze`, `pol`); becomes the `IdoSell_<lang>` tag.' },
  { key: 'registered', label: 'Has an Account', type: 'boolean', required: false, default: 'false', helpText: 'Yes adds the account tag (`rejestracja` unless changed below).' },
  {
    key: 'newsletterConsent',
    label: 'Newsletter Consent (This Shop)',
    type: 'boolean',
    required: false,
    default: 'false',
    helpText: 'Only an explicit yes counts as consent: it adds `IdoSell_newsletter`, the tag campaigns should segment on.',
  },
] satisfies PlainInputField[];

/** The order lines as line items, child keys as the core's `ShopOrderLineFields` names them. */
const linesField = {
  key: 'lines',
  label: 'Line Items',
  children: [
    { key: 'productId', label: 'Product ID', type: 'string', required: false },
    { key: 'name', label: 'Product Name', type: 'string', required: false },
    { key: 'code', label: 'Product Code', type: 'string', required: false },
    { key: 'quantity', label: 'Quantity', type: 'number', required: false },
    { key: 'unitPrice', label: 'Unit Price', type: 'number', required: false, helpText: 'Gross price of one piece in the order currency.' },
    { key: 'categoryPath', label: 'Category Path', type: 'string', required: false, helpText: '`Category / Subcategory / Sub-subcategory`, as New Order gives it; each of the first three levels becomes a tag.' },
  ],
} satisfies PlainInputField;

const LINE_KEYS = ['productId', 'name', 'code', 'quantity', 'unitPrice', 'categoryPath'] as const;

const SUBSCRIBE_CHOICES = ['resubscribe', 'triggerAutomations'] as const;

const optionFields = [
  createOrderField('Send the order (its lines as the items) to Ecomail after the shopper is saved.'),
  orderShopField,
  ...SUBSCRIBE_CHOICES.map(subscribeChoiceField),
  tagHandlingField,
  { ...personalizationField, helpText: 'Clean up names (case, spaces, academic titles) and fill vocative, gender and name day for Czech and Slovak shoppers.' },
  { key: 'registeredTag', label: 'Registered Tag', type: 'string', required: false, default: DEFAULT_SHOP_SEGMENT_TAGS.registered, helpText: 'Tag of shoppers with a customer account.' },
  { key: 'newsletterTag', label: 'Newsletter Tag', type: 'string', required: false, default: DEFAULT_SHOP_SEGMENT_TAGS.newsletter, helpText: 'Tag of newsletter subscribers without an account.' },
  { key: 'categoryTags', label: 'Category Tags', type: 'boolean', required: false, default: 'true', helpText: 'Tag the shopper with the first three levels of the category path of every product bought.' },
  { key: 'extraTags', label: 'Extra Tags', type: 'string', list: true, required: false, helpText: 'Added after the IdoSell tags.' },
] satisfies PlainInputField[];

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const listId = requiredText(input.listId, 'List');
  const record = shopRecordFromFields({
    recordType: text(input.recordType),
    email: requiredText(input.email, 'Buyer Email'),
    shopId: text(input.shopId),
    language: text(input.language),
    orderId: text(input.orderId),
    placedAt: text(input.placedAt),
    status: text(input.status),
    currency: text(input.currency),
    total: text(input.total),
    firstName: text(input.firstName),
    lastName: text(input.lastName),
    company: text(input.company),
    phone: text(input.phone),
    street: text(input.street),
    zip: text(input.zip),
    city: text(input.city),
    country: text(input.country),
    birthDate: text(input.birthDate),
    registered: optionalFlag(input.registered) === true,
    newsletterConsent: optionalFlag(input.newsletterConsent) === true,
    lines: lineItemsOf(input.lines, LINE_KEYS),
  });
  const mode = importModeOf(input.importMode);
  const client = ecomailClient(z, bundle);
  const {
    outcomes: [{ contact, order, orderKind }],
  } = await syncShopOrders(client, listId, [record], {
    mode,
    tagHandling: tagHandlingOf(input.tagHandling),
    subscribe: subscribeChoicesFrom(input, SUBSCRIBE_CHOICES),
    consentMode: isShopConsentMode(input.consentMode) ? input.consentMode : undefined,
    mapping: {
      personalization: optionalFlag(input.personalization),
      categoryTags: optionalFlag(input.categoryTags),
      registeredTag: text(input.registeredTag),
      newsletterTag: text(input.newsletterTag),
      extraTags: textList(input.extraTags),
    },
    createOrders: optionalFlag(input.createOrder),
    shop: text(input.shop),
  });
  const saved = await savedContact(z, client, listId, contact, mode);
  if (order?.status === 'failed') throw new z.errors.Error(`The shopper was saved, but the order was not: ${order.reason}`, 'OrderFailed', 500);
  return {
    ...saved,
    record_type: record.type,
    order_id: record.type === 'order' ? record.orderId : null,
    newsletter_consent: record.type === 'subscriber' || record.buyer.newsletterConsent,
    order_sent: order?.status === 'sent',
    order_kind: orderKind ?? null,
  };
}

export default defineCreate({
  key: 'add_shop_order',
  noun: 'Shop Order',
  display: {
    label: 'Add IdoSell Shop Order',
    description: 'Adds an IdoSell shopper to a list with the shop’s tags (account or newsletter, category path) and consent rule, and records the order.',
  },
  operation: {
    lock: contactLock,
    inputFields: [listField, importModeField, consentModeField, recordTypeField, ...orderFields, linesField, ...optionFields],
    perform,
    sample: {
      ...contactSample,
      email: 'jana.novakova@example.cz',
      name: 'Jana',
      surname: 'Nováková',
      tags: ['IdoSell', 'IdoSell_cs', 'IdoSell_newsletter', 'rejestracja', 'Oblečení', 'Dámské', 'Šaty'],
      custom_fields: {},
      already_subscribed: false,
      import_mode: 'add-and-update',
      record_type: 'order',
      order_id: 'cz-100042',
      newsletter_consent: true,
      order_sent: true,
      order_kind: 'purchase',
    },
    outputFields: [
      ...contactOutputFields,
      { key: 'already_subscribed', label: 'Was Already in List', type: 'boolean' },
      { key: 'import_mode', label: 'Import Mode', type: 'string' },
      { key: 'record_type', label: 'Record Type', type: 'string' },
      { key: 'order_id', label: 'Order ID', type: 'string' },
      { key: 'newsletter_consent', label: 'Newsletter Consent (This Shop)', type: 'boolean' },
      { key: 'order_sent', label: 'Order Sent', type: 'boolean' },
      { key: 'order_kind', label: 'Order Kind (purchase or status-change)', type: 'string' },
    ],
  },
});
