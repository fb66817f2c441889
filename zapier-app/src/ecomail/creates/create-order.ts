/**
 * Create Order: puts the buyer into a list through the core's `saveContacts` (its default
 * subscribe choices: no confirmation e-mail, nobody resubscribed, no automations; an existing
 * contact keeps its data, as only the e-mail is sent), then records the order
 * (`POST /tracker/transaction`), as Ecomail's own shop connectors do (docs/ecomail-api.md §7). A single
 * (not bulk) order starts "made an order" automations.
 */
import { normalizeEmail, saveContacts, type TransactionItem, type TransactionStatus } from '@ecomail-bridge/shared';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { isoDateTime } from '../../platform/dates';
import { integerOrNull } from '../../platform/ids';
import { numberOf, requiredText, text, textList } from '../../platform/input';
import { ecomailClient } from '../client';
import { emailField, listField } from '../fields';
import { assertSaved } from '../saved-contact';

const STATUSES = { completed: 'Completed', processing: 'Processing', pending: 'Pending', canceled: 'Canceled' };

function itemsFrom(raw: unknown): TransactionItem[] {
  const rows = Array.isArray(raw) ? (raw as Array<Record<string, unknown>>) : [];
  return rows
    .map((row) => ({
      code: text(row.code),
      title: text(row.title),
      categories: textList(row.categories).length ? textList(row.categories) : undefined,
      price: numberOf(row.price),
      amount: numberOf(row.quantity),
    }))
    .filter((item) => item.code !== undefined || item.title !== undefined);
}

/** Unix seconds from an ISO date (Zapier normalises `datetime` inputs to ISO 8601). */
function unixSeconds(raw: unknown): number | undefined {
  const value = text(raw);
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

async function perform(z: ZObject, bundle: Bundle) {
  const input = bundle.inputData;
  const listId = requiredText(input.listId, 'List');
  const email = requiredText(input.email, 'Email');
  const client = ecomailClient(z, bundle);
  const transaction = {
    order_id: requiredText(input.orderId, 'Order ID'),
    email,
    shop: text(input.shop),
    amount: numberOf(input.amount),
    tax: numberOf(input.tax),
    shipping: numberOf(input.shipping),
    city: text(input.city),
    country: text(input.country)?.toUpperCase(),
    timestamp: unixSeconds(input.orderedAt) ?? Math.floor(Date.now() / 1000),
    status: (text(input.status) ?? 'completed') as TransactionStatus,
  };
  const {
    outcomes: [saved],
  } = await saveContacts(client, listId, [{ email }]);
  assertSaved(z, saved);
  const reply = (await client.createTransaction(transaction, itemsFrom(input.items))) as Record<string, unknown> | undefined;
  return {
    id: integerOrNull(reply?.id),
    order_id: transaction.order_id,
    email: normalizeEmail(String(reply?.email ?? email)),
    shop: transaction.shop ?? null,
    amount: transaction.amount ?? null,
    status: transaction.status,
    ordered_at: isoDateTime(reply?.timestamp) ?? new Date(transaction.timestamp * 1000).toISOString(),
  };
}

export default defineCreate({
  key: 'create_order',
  noun: 'Order',
  display: { label: 'Create Order', description: 'Creates an order (transaction) for a contact, adding the contact to a list first.' },
  operation: {
    inputFields: [
      { ...listField, helpText: 'The buyer is added to this list (existing contacts keep their data) before the order is recorded.' },
      emailField,
      { key: 'orderId', label: 'Order ID', type: 'string', required: true, helpText: 'Your own order number; sending it again records the same order again.' },
      { key: 'shop', label: 'Shop', type: 'string', required: false, helpText: 'Shop name for segment conditions (case-sensitive).' },
      { key: 'amount', label: 'Total Amount', type: 'number', required: false, helpText: 'Including tax and shipping.' },
      { key: 'tax', label: 'Tax', type: 'number', required: false },
      { key: 'shipping', label: 'Shipping', type: 'number', required: false },
      { key: 'city', label: 'City', type: 'string', required: false },
      { key: 'country', label: 'Country', type: 'string', required: false, helpText: 'Two-letter ISO code such as `CZ`.' },
      { key: 'orderedAt', label: 'Order Date', type: 'datetime', required: false, helpText: 'When the order was made; defaults to now.' },
      { key: 'status', label: 'Status', type: 'string', required: false, default: 'completed', choices: STATUSES },
      {
        key: 'items',
        label: 'Line Items',
        children: [
          { key: 'code', label: 'Product Code', type: 'string', required: false },
          { key: 'title', label: 'Product Name', type: 'string', required: false },
          { key: 'categories', label: 'Categories', type: 'string', required: false, helpText: 'Comma-separated.' },
          { key: 'price', label: 'Unit Price', type: 'number', required: false },
          { key: 'quantity', label: 'Quantity', type: 'integer', required: false },
        ],
      },
    ],
    perform,
    sample: {
      id: 90311,
      order_id: 'GO-2026-0614-8812',
      email: 'petra.novakova@example.cz',
      shop: 'goout-kulturak',
      amount: 780,
      status: 'completed',
      ordered_at: '2026-06-14T16:00:00.000Z',
    },
    outputFields: [
      { key: 'id', label: 'Transaction ID', type: 'integer' },
      { key: 'order_id', label: 'Order ID', type: 'string' },
      { key: 'email', label: 'Email', type: 'string' },
      { key: 'shop', label: 'Shop', type: 'string' },
      { key: 'amount', label: 'Total Amount', type: 'number' },
      { key: 'status', label: 'Status', type: 'string' },
      { key: 'ordered_at', label: 'Ordered At', type: 'datetime' },
    ],
  },
});
