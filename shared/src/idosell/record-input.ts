/**
 * Shop records that reach the core from outside it (docs/idosell.md §10.1): a workflow item that
 * should be a record of the IdoSell source, or a record flattened into fields — the IdoSell New
 * Order trigger's, as a user maps them in Zapier — rebuilt so that it leaves exactly what the same
 * record read from the shop leaves.
 */
import { readLanguage } from './assumed-contract';
import { orderStatusOf } from './order-statuses';
import type { ShopOrderLine, ShopRecord } from './types';
import { cleanText, computedOrderTotal, looseNumber } from './values';

/** Is `value` a shop record as the IdoSell source emits it (order with a buyer, or subscriber)? */
export function isShopRecord(value: unknown): value is ShopRecord {
  const record = value as { source?: unknown; type?: unknown; email?: unknown; orderId?: unknown; buyer?: { email?: unknown }; lines?: unknown } | null;
  if (record?.source !== 'idosell') return false;
  if (record.type === 'subscriber') return typeof record.email === 'string';
  return record.type === 'order' && typeof record.buyer?.email === 'string' && Array.isArray(record.lines) && typeof record.orderId === 'string';
}

/** Separator of the levels of a category path written as one text, as the New Order trigger writes it. */
export const CATEGORY_PATH_SEPARATOR = ' / ';
/** The separator however the spaces around the slash were typed; a slash inside a name (`Trička/Topy`) stays. */
const LEVEL_BREAK = /\s+\/\s+/;

export interface ShopOrderLineFields {
  productId?: string;
  name?: string;
  code?: string;
  quantity?: number | string;
  unitPrice?: number | string;
  /** `Category / Subcategory / Sub-subcategory`, or the levels as a list. */
  categoryPath?: string | readonly string[];
}

/** One kind of record: an order (the default) or a newsletter subscriber without an account. */
export type ShopRecordType = 'order' | 'subscriber';

export interface ShopRecordFields {
  recordType?: ShopRecordType | string;
  email: string;
  /** An order's; for a subscriber, the shop that holds the approval. */
  shopId?: number | string;
  language?: string;
  orderId?: string;
  serialNumber?: string;
  /** When the order was placed, shop time (`YYYY-MM-DD HH:MM:SS` or ISO 8601; an offset is read as such). */
  placedAt?: string;
  changedAt?: string;
  status?: string;
  currency?: string;
  /** Empty → computed from the lines as the source computes it. */
  total?: number | string;
  firstName?: string;
  lastName?: string;
  company?: string;
  phone?: string;
  street?: string;
  zip?: string;
  city?: string;
  country?: string;
  birthDate?: string;
  /** Has a customer account (tag `rejestracja`). */
  registered?: boolean;
  /** Approved the e-mail newsletter of the order's shop; only an explicit yes counts. */
  newsletterConsent?: boolean;
  lines?: readonly ShopOrderLineFields[];
}

/** Shop-local date and time as the source keeps it (`YYYY-MM-DDTHH:MM:SS`); one with an offset is moved to UTC, the zone the order mapping reads. */
function placedAtOf(value: unknown): string {
  const text = cleanText(value);
  if (!text) return '';
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})$/.exec(text);
  if (local) return `${local[1]}T${local[2]}`;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 19);
}

function categoryPathOf(value: string | readonly string[] | undefined): string[] {
  const levels = typeof value === 'string' ? value.split(LEVEL_BREAK) : (value ?? []);
  return levels.map((level) => cleanText(level)).filter((level): level is string => level !== null);
}

function lineOf(line: ShopOrderLineFields): ShopOrderLine {
  return {
    productId: cleanText(line.productId) ?? '',
    name: cleanText(line.name),
    code: cleanText(line.code),
    quantity: Math.max(0, looseNumber(line.quantity)),
    unitPrice: looseNumber(line.unitPrice),
    categoryPath: categoryPathOf(line.categoryPath),
  };
}

const shopIdOf = (value: unknown): number | null => (cleanText(value) !== null && Number.isFinite(Number(value)) ? Number(value) : null);

/**
 * Flat fields → the shop record the shop job takes. A subscriber needs its e-mail and shop; an
 * order its id. Consent is never assumed for an order: only `newsletterConsent: true` is one.
 */
export function shopRecordFromFields(fields: ShopRecordFields): ShopRecord {
  const email = String(fields.email ?? '').trim().toLowerCase();
  const language = readLanguage(fields.language);
  const shopId = shopIdOf(fields.shopId);
  if (fields.recordType === 'subscriber') {
    if (shopId === null) throw new Error('a newsletter subscriber needs the id of the shop they subscribed in');
    return { type: 'subscriber', source: 'idosell', email, language, shopId, changedAt: cleanText(fields.changedAt) };
  }
  if (fields.recordType !== undefined && fields.recordType !== 'order') throw new Error(`unknown record type "${fields.recordType}": use order or subscriber`);
  const orderId = cleanText(fields.orderId);
  if (!orderId) throw new Error('an order needs its order id');
  const lines = (fields.lines ?? []).map(lineOf);
  const country = cleanText(fields.country)?.toUpperCase() ?? null;
  const total = cleanText(fields.total) === null ? computedOrderTotal(lines) : looseNumber(fields.total);
  const placedAt = placedAtOf(fields.placedAt);
  return {
    type: 'order',
    source: 'idosell',
    orderId,
    serialNumber: cleanText(fields.serialNumber),
    shopId,
    placedAt,
    changedAt: cleanText(fields.changedAt) ?? placedAt.replace('T', ' '),
    ...orderStatusOf(fields.status),
    currency: cleanText(fields.currency)?.toUpperCase() ?? null,
    total,
    buyer: {
      email,
      firstName: cleanText(fields.firstName),
      lastName: cleanText(fields.lastName),
      company: cleanText(fields.company),
      phone: cleanText(fields.phone),
      street: cleanText(fields.street),
      zip: cleanText(fields.zip),
      city: cleanText(fields.city),
      country: country && /^[A-Z]{2}$/.test(country) ? country : null,
      birthDate: cleanText(fields.birthDate),
      language,
      clientId: null,
      registered: fields.registered === true,
      newsletterConsent: fields.newsletterConsent === true,
    },
    lines,
  };
}
