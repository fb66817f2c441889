/**
 * IdoSell's Admin API wire contract as far as we know it — the ONE adapter file for it
 * (docs/idosell.md §3–§8). No live shop backs it: [P] = seen in a practitioner SDK that runs
 * against the real API, [A] = our assumption, [U] = unknown. When a real reply shows otherwise,
 * fix it here and nowhere else: the rest of the source only sees the readers below.
 */

/** Gate paths below `/api/admin/v{N}` (docs/idosell.md §3). */
export const IDOSELL_GATES = {
  /** [P] POST, body `{params}`. */ ordersSearch: '/orders/orders/search',
  /** [P] GET; [A] the filter name `clientsIds` (comma-joined). */ clients: '/clients/clients',
  /** [P] POST, snake_case paging. */ newsletterSearch: '/clients/newsletter/email/search',
  /** [P] POST, snake_case paging. */ productsSearch: '/products/products/search',
  /** [P] GET. */ categories: '/products/categories',
} as const;

/** [A] the version a credential uses unless it says otherwise (v8.1 dropped some gates, §3). */
export const DEFAULT_API_VERSION = '7';
/** [P] orders search, CRM search and the newsletter search take at most 100 per page. */
export const PAGE_LIMIT = 100;
/** [A] ids per `GET /clients/clients` and per product search: the same bound as orders by id [P]. */
export const IDS_PER_CALL = 100;

/** [P] dates are `YYYY-MM-DD HH:MM:SS`; [U] in the shop's time zone. Compared as plain strings. */
export type ShopDateTime = string;
const SHOP_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function isShopDateTime(value: unknown): value is ShopDateTime {
  return typeof value === 'string' && SHOP_DATE.test(value);
}

/** Moves a shop-local time by whole seconds without ever converting its zone. */
export function shiftShopDateTime(value: ShopDateTime, seconds: number): ShopDateTime {
  return toShopDateTime(Date.parse(`${value.replace(' ', 'T')}Z`) + seconds * 1000);
}

/** A moment as a shop date; [U] the shop's zone, so read as UTC (a shell subtracts a margin). */
export function toShopDateTime(ms: number): ShopDateTime {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** [A] no end given means "up to now": a far date keeps the range open on every shop clock. */
const OPEN_END: ShopDateTime = '9999-12-31 23:59:59';

/**
 * Orders changed at or after `begin`, oldest change first [P `ordersDateType: modified`].
 * [U] `ordersBy` with `elementName: "modification_date"` — without an order, paging through a
 * range that changes while it is read could skip an order; the stream re-reads from the last
 * change date it saw rather than trusting page numbers (order-stream.ts).
 */
export function ordersSearchParams(begin: ShopDateTime, page: number, end: ShopDateTime = OPEN_END): Record<string, unknown> {
  return {
    ordersRange: { ordersDateRange: { ordersDateType: 'modified', ordersDateBegin: begin, ordersDateEnd: end } },
    ordersBy: [{ elementName: 'modification_date', sortDirection: 'ASC' }],
    resultsPage: page,
    resultsLimit: PAGE_LIMIT,
  };
}

/** [P] request shape; [A] only people who approved, without an account (`registered: n`). */
export function newsletterSearchParams(shopIds: readonly number[], page: number): Record<string, unknown> {
  return {
    shops: shopIds.map((shopId) => ({ shop_id: shopId, approval: 'y', registered: 'n' })),
    results_page: page,
    results_limit: PAGE_LIMIT,
  };
}

/** [P] `productParams[{productId}]`, snake_case paging; [P] `returnElements` trims the reply. */
export function productsSearchParams(productIds: readonly string[]): Record<string, unknown> {
  return {
    productParams: productIds.map((productId) => ({ productId })),
    returnElements: ['productMenu', 'categoryId'],
    results_page: 0,
    results_limit: IDS_PER_CALL,
  };
}

export function clientsQuery(clientIds: readonly string[]): Record<string, string> {
  return { clientsIds: clientIds.join(','), resultsLimit: String(IDS_PER_CALL) };
}

// ---------------------------------------------------------------- faults (§4)

export interface IdoSellFault {
  code?: string;
  message: string;
}

/**
 * [P] a fault may sit in a 200: header `x-error`, then `errors[].message`, then
 * `errors.faultCode` + `errors.faultString`. [A] faultCode `0` means "no fault".
 */
export function readFault(headers: Record<string, string | undefined>, body: unknown): IdoSellFault | undefined {
  const header = headers['x-error'];
  if (header && header.trim()) return { message: header.trim() };
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(errors)) {
    const messages = errors.map((error) => (error as { message?: unknown })?.message).filter((m): m is string => typeof m === 'string' && m !== '');
    if (messages.length) return { message: messages.join('; ') };
  } else if (errors && typeof errors === 'object') {
    const { faultCode, faultString } = errors as { faultCode?: unknown; faultString?: unknown };
    if (faultCode !== undefined && faultCode !== 0 && faultCode !== '0') {
      return { code: String(faultCode), message: typeof faultString === 'string' ? faultString : `fault ${String(faultCode)}` };
    }
  }
  return undefined;
}

/** [U] the fault a page past the end returns; [A] codes 2 and `no_results` read as "nothing here". */
export function isNoResultsFault(fault: IdoSellFault): boolean {
  return fault.code === '2' || fault.code === 'no_results' || /no results|brak wynik/i.test(fault.message);
}

/** [A] how a CLOUD shop past its monthly cap answers: no wording is documented (§5 says it bills). */
export function isQuotaFault(fault: IdoSellFault): boolean {
  return fault.code === 'quota_exceeded' || /request (limit|quota)|limit of requests/i.test(fault.message);
}

/** [P] a 403 names the missing permission as `Scope: <module>, level: r|rw`. */
export function missingScope(message: string): string | undefined {
  return /Scope:\s*[^,]+,\s*level:\s*\w+/i.exec(message)?.[0];
}

// ---------------------------------------------------------------- raw shapes (§6–§8)

/** [P] names seen; [A] `langId` on the account, `clientLastName`, address fields, `clientCompany`. */
export interface RawOrder {
  orderId?: unknown;
  orderSerialNumber?: unknown;
  clientResult?: {
    clientAccount?: {
      clientId?: unknown;
      clientLogin?: unknown;
      clientEmail?: unknown;
      clientPhone1?: unknown;
      langId?: unknown;
    };
    clientBillingAddress?: {
      clientFirstName?: unknown;
      clientLastName?: unknown;
      clientFirm?: unknown;
      clientStreet?: unknown;
      clientZipCode?: unknown;
      clientCity?: unknown;
      clientCountryId?: unknown;
    };
  };
  orderDetails?: {
    orderStatus?: unknown;
    orderAddDate?: unknown;
    orderChangeDate?: unknown;
    /** [A] the shop of a multi-shop account. */
    shopId?: unknown;
    orderCurrency?: { currencyId?: unknown };
    /** [A] no delivery cost field was seen; read when present. */
    orderDeliveryCost?: unknown;
    productsResults?: RawOrderLine[];
  };
}

export interface RawOrderLine {
  productId?: unknown;
  productName?: unknown;
  productCode?: unknown;
  productQuantity?: unknown;
  /** [P] gross unit price in the order currency. */
  productOrderPrice?: unknown;
}

/** [P] `newsletterEmailApprovalsData`, `clientBirthDate`; [A] `clientId` and `langId` names here. */
export interface RawClient {
  clientId?: unknown;
  clientLogin?: unknown;
  clientBirthDate?: unknown;
  langId?: unknown;
  newsletterEmailApprovalsData?: Array<{ shopId?: unknown; newsletterEmailApprovalDate?: unknown }>;
}

/** [P] one entry of the newsletter search reply. */
export interface RawSubscriber {
  email?: unknown;
  language?: unknown;
  registered?: unknown;
  shops?: Record<string, { shop_id?: unknown; approval?: unknown; date_modification?: unknown } | undefined>;
}

/** [P] product fields used for the category path. */
export interface RawProduct {
  productId?: unknown;
  categoryId?: unknown;
  productMenu?: Array<{
    shopId?: unknown;
    menuItemDescriptionsLangData?: Array<{ langId?: unknown; menuItemName?: unknown; menuItemTextId?: unknown }>;
  }>;
}

/** [P] `GET /products/categories`. */
export interface RawCategory {
  id?: unknown;
  parent_id?: unknown;
  lang_data?: Array<{ lang_id?: unknown; singular_name?: unknown; plural_name?: unknown }>;
}

export interface PageInfo {
  /** Entries on this page. */
  count: number;
  /** [U] read as the number of pages when present. */
  pages?: number;
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** [P] `Results[]` with camelCase paging fields. */
export function readOrdersPage(body: unknown): { orders: RawOrder[]; page: PageInfo } {
  const b = (body ?? {}) as { Results?: unknown; resultsNumberPage?: unknown };
  const orders = list<RawOrder>(b.Results);
  return { orders, page: { count: orders.length, pages: typeof b.resultsNumberPage === 'number' ? b.resultsNumberPage : undefined } };
}

/** [P] `results[]` (also seen as `Results[]`). */
export function readClients(body: unknown): RawClient[] {
  const b = (body ?? {}) as { results?: unknown; Results?: unknown };
  return list<RawClient>(b.results ?? b.Results);
}

/** [P] `clients[]` with snake_case paging fields. */
export function readSubscribersPage(body: unknown): { subscribers: RawSubscriber[]; page: PageInfo } {
  const b = (body ?? {}) as { clients?: unknown; results_number_page?: unknown };
  const subscribers = list<RawSubscriber>(b.clients);
  return { subscribers, page: { count: subscribers.length, pages: typeof b.results_number_page === 'number' ? b.results_number_page : undefined } };
}

/** [P] `results[]` of the product search. */
export function readProducts(body: unknown): RawProduct[] {
  return list<RawProduct>((body as { results?: unknown } | undefined)?.results);
}

/** [P] `categories[]`. */
export function readCategories(body: unknown): RawCategory[] {
  return list<RawCategory>((body as { categories?: unknown } | undefined)?.categories);
}

/** [P] the menu path `item1\item2\item3` is backslash-separated. */
export const MENU_PATH_SEPARATOR = '\\';

/**
 * [U] the language id format; [A] ISO 639-2 three-letter ids (`pol`, `cze`) as IdoSell panels
 * show them, or two letters. Returned as the two-letter code our tags use.
 */
const LANGUAGES: Record<string, string> = { pol: 'pl', cze: 'cs', ces: 'cs', slo: 'sk', slk: 'sk', eng: 'en', ger: 'de', deu: 'de', hun: 'hu', ukr: 'uk' };

export function readLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim().toLowerCase().split(/[-_]/)[0];
  if (/^[a-z]{2}$/.test(id)) return id;
  return LANGUAGES[id] ?? null;
}

/**
 * [A] statuses that mean "this order is not a purchase (any more)": cancelled, marked false
 * (a fake order), lost, merged into another order (`joined`), and `returned` should a shop report
 * one [U]. IdoSell lists no return status (returns have their own gates).
 */
export const NOT_A_PURCHASE_STATUSES: readonly string[] = ['canceled', 'false', 'lost', 'joined', 'returned'];
