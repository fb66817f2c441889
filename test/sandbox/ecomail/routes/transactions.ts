import { ApiError, notFound, validationError } from '../errors';
import { paginate } from '../paging';
import { route } from '../router';
import { sqlDateTime } from '../time';
import type { SandboxTransaction, SandboxTransactionItem } from '../types';
import { isRecord, readEmail } from '../validation';
import { bodyObject, type ApiHandler, type RouteContext } from './context';

/** docs/ecomail-api.md §7: transaction-bulk processes at most 1,000 orders; the rest are ignored. */
const MAX_BULK_TRANSACTIONS = 1000;

interface TransactionInput {
  transaction: Record<string, unknown>;
  orderId: string;
  email: string;
  items: SandboxTransactionItem[];
}

/** POST /tracker/transaction (docs/ecomail-api.md §7). A transaction for an unknown e-mail is accepted [U]. */
function createTransaction(ctx: RouteContext) {
  const body = bodyObject(ctx);
  const stored = storeTransaction(ctx, readTransaction(body.transaction, body.transaction_items), false);
  return { body: transactionReply(stored) };
}

/** PUT /tracker/transaction/{order_id}: replaces the whole order (the path's id wins); reply `{}`. */
function replaceTransaction(ctx: RouteContext) {
  const orderId = ctx.params.order_id;
  if (!ctx.store.transactions.has(orderId)) throw notFound('Transaction not found.');
  const body = bodyObject(ctx);
  const transaction = isRecord(body.transaction) ? { ...body.transaction, order_id: orderId } : body.transaction;
  storeTransaction(ctx, readTransaction(transaction, body.transaction_items), false);
  return { body: {} };
}

/**
 * POST /tracker/transaction-bulk (docs/ecomail-api.md §7): invalid orders are skipped silently, like bulk subscribe [U].
 * Bulk orders fire no "Makes an order" automation: stored with `bulk: true`.
 */
function createTransactionBulk(ctx: RouteContext) {
  const data = bodyObject(ctx).transaction_data;
  if (!Array.isArray(data)) throw validationError('transaction_data', 'The transaction data must be an array.');
  let inserts = 0;
  for (const item of data.slice(0, MAX_BULK_TRANSACTIONS)) {
    if (!isRecord(item)) continue;
    try {
      storeTransaction(ctx, readTransaction(item.transaction, item.transaction_items), true);
      inserts++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return { body: { inserts } };
}

/** GET /tracker/transaction: filters email, shop, date_from, date_to; per_page ≤ 500; order lines under `items`. */
function listTransactions(ctx: RouteContext) {
  const { email, shop, date_from: from, date_to: to } = ctx.query;
  const matching = [...ctx.store.transactions.values()].filter((tx) => {
    const day = sqlDateTime(tx.timestamp * 1000).slice(0, 10);
    return (typeof email !== 'string' || tx.email === email.trim().toLowerCase())
      && (typeof shop !== 'string' || tx.shop === shop)
      && (typeof from !== 'string' || day >= from)
      && (typeof to !== 'string' || day <= to);
  });
  const rows = matching.map((tx) => ({ ...tx.transaction, ...transactionReply(tx), items: structuredClone(tx.items) }));
  return { body: paginate(rows, ctx.query, `${ctx.baseUrl}/tracker/transaction`, { defaultPerPage: 20, maxPerPage: 500 }) };
}

function deleteTransaction(ctx: RouteContext) {
  if (!ctx.store.transactions.delete(ctx.params.order_id)) throw notFound('Transaction not found.');
  return { body: {} };
}

function readTransaction(raw: unknown, rawItems: unknown): TransactionInput {
  if (!isRecord(raw)) throw validationError('transaction', 'The transaction field is required.');
  const orderId = typeof raw.order_id === 'number' ? String(raw.order_id) : raw.order_id;
  if (typeof orderId !== 'string' || orderId.trim() === '') {
    throw validationError('order_id', 'The order id field is required.');
  }
  const email = readEmail(raw.email);
  if (rawItems !== undefined && !Array.isArray(rawItems)) {
    throw validationError('transaction_items', 'The transaction items must be an array.');
  }
  const items = (rawItems ?? []) as unknown[];
  if (items.some((item) => !isRecord(item))) {
    throw validationError('transaction_items', 'Each transaction item must be an object.');
  }
  return { transaction: raw, orderId, email, items: structuredClone(items) as SandboxTransactionItem[] };
}

/** Orders are keyed by order_id: a repeated id replaces the stored order (its id is kept). */
function storeTransaction(ctx: RouteContext, input: TransactionInput, bulk: boolean): SandboxTransaction {
  const { transaction } = input;
  const stored: SandboxTransaction = {
    id: ctx.store.transactions.get(input.orderId)?.id ?? ctx.store.takeTransactionId(),
    order_id: input.orderId,
    email: input.email,
    shop: typeof transaction.shop === 'string' ? transaction.shop : null,
    amount: typeof transaction.amount === 'number' ? transaction.amount : null,
    status: typeof transaction.status === 'string' ? transaction.status : null,
    timestamp: isUnixSeconds(transaction.timestamp) ? transaction.timestamp : Math.floor(ctx.now / 1000),
    transaction: structuredClone(transaction),
    items: input.items,
    bulk,
  };
  ctx.store.transactions.set(input.orderId, stored);
  return stored;
}

/** A timestamp Date can render (±100 million days around 1970); anything else means "now". */
function isUnixSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 8.64e12;
}

/** Reply of POST /tracker/transaction: timestamp rendered "YYYY-MM-DD HH:MM:SS" (UTC). */
function transactionReply(tx: SandboxTransaction): Record<string, unknown> {
  return {
    order_id: tx.order_id,
    email: tx.email,
    shop: tx.shop,
    amount: tx.amount,
    timestamp: sqlDateTime(tx.timestamp * 1000),
    id: tx.id,
    status: tx.status,
  };
}

export const transactionRoutes = [
  route<ApiHandler>('POST', '/tracker/transaction', createTransaction),
  route<ApiHandler>('GET', '/tracker/transaction', listTransactions),
  route<ApiHandler>('POST', '/tracker/transaction-bulk', createTransactionBulk),
  route<ApiHandler>('PUT', '/tracker/transaction/:order_id', replaceTransaction),
  route<ApiHandler>('DELETE', '/tracker/transaction/:order_id/delete', deleteTransaction),
];
