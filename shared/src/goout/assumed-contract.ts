/**
 * GoOut's wire contract as far as we know it — the ONE adapter file for it.
 *
 * GoOut publishes no API reference (docs/goout.md §0). Each item is marked with its evidence:
 * [S] seen in public code that runs against GoOut, [A] our assumption, [U] unknown. When the partner
 * Swagger becomes available, fix the [A]/[U] items here and nowhere else: the rest of the source
 * only sees the readers below.
 */
import type { HttpRequest, QueryValue } from '../ports';

/** Endpoint paths (docs/goout.md §3). */
export const GOOUT_PATHS = {
  /** [S] */ sales: '/services/entitystore/v2/sales',
  /** [S] */ purchases: '/services/reporting/v1/purchases',
  /** [S] */ schedules: '/services/entities/v2/schedules',
  /** [S] */ events: '/services/entities/v2/events',
  /** [A] only the public v1 venues endpoint was seen (§3.1); assumed to exist beside v2 events. */
  venues: '/services/entities/v2/venues',
  /** [S] both refresh variants post here (§2.1). */
  renewal: '/services/user/v3/refresh-tokens',
} as const;

/** [S] my-irmf pages sales by 50. */
export const SALES_PAGE_SIZE = 50;
/** [U] paging of purchases is not shown anywhere; we assume pageIndex/pageSize like sales. */
export const PURCHASES_PAGE_SIZE = 100;
/** [S] my-irmf asks for at most 48 schedules per call. */
export const SCHEDULE_BATCH_SIZE = 48;
/** [S] the public entity API takes at most 25 ids per call (§3.1). */
export const ENTITY_BATCH_SIZE = 25;
/** [S] lifetimes from my-irmf's notes (§2). */
export const ACCESS_TTL_SECONDS = 86_400;
export const REFRESH_TTL_SECONDS = 5_184_000;
/** Locale order for `locales.<lang>.name` [S: cs with en fallback in my-irmf]. */
const LOCALE_ORDER = ['cs', 'sk', 'en'];

type Query = Record<string, QueryValue | undefined>;

export function salesQuery(pageIndex: number): Query {
  return { pageIndex, pageSize: SALES_PAGE_SIZE, include: 'deals' }; // [S]
}

/**
 * [S] `saleIds[]`, `include=tickets`; [U] `pageIndex`/`pageSize` on this endpoint. [A] a sale's
 * purchases are listed oldest first and a new purchase is appended at the end, so a later run can
 * start at the page where the previous one stopped. GoOut shows no date filter or sort parameter
 * (docs/goout.md §3.3), so this is the only way a poll's cost stays the same however long the history.
 */
export function purchasesQuery(saleId: string, pageIndex: number, pageSize = PURCHASES_PAGE_SIZE): Query {
  return { saleIds: [saleId], include: 'tickets', pageIndex, pageSize };
}

/** [S] `ids[]` (arrays are sent as repeated `ids[]=`). */
export function idsQuery(ids: readonly string[]): Query {
  return { ids };
}

/** [S] sales and check-ins end at `meta.hasNext = false`; [U] assumed the same for purchases. */
export function readHasNext(body: unknown): boolean {
  return (body as { meta?: { hasNext?: unknown } } | undefined)?.meta?.hasNext === true;
}

// ---------------------------------------------------------------- raw shapes

interface Ref {
  data?: { id?: string | number } | null;
}

/** [S] JSON:API-like sale (§3). */
export interface RawSale {
  id: string | number;
  attributes?: { state?: string; currency?: string };
  relationships?: { schedule?: Ref; organizer?: Ref };
}

/** [S] `included[]` entry of type `deals` with `locales.<lang>.name`; [A] under `attributes`. */
interface RawIncluded {
  id: string | number;
  type?: string;
  attributes?: { locales?: Record<string, { name?: string } | undefined> };
}

/**
 * Raw purchase (docs/goout.md §4). [S]: `id`, `firstName`, `lastName`, `ticketCount`, `tickets`;
 * [A]: every other name.
 */
export interface RawPurchase {
  id: string | number;
  attributes?: {
    firstName?: string | null;
    lastName?: string | null;
    /** [A] */ email?: string | null;
    /** [A] */ countryIso?: string | null;
    /** [A] */ language?: string | null;
    /** [A] */ marketingAgreed?: unknown;
    /** [A] */ createdAt?: string | null;
    /** [A] */ state?: string | null;
    ticketCount?: number;
  };
  relationships?: { sale?: Ref };
  /** [S] present with include=tickets; [A] field names inside. */
  tickets?: RawTicket[];
}

export interface RawTicket {
  id: string | number;
  /** [A] */ dealId?: string | number | null;
  /** [A] */ priceCents?: number | null;
  /** [A] */ currency?: string | null;
}

// ---------------------------------------------------------------- readers

const idOf = (ref: Ref | undefined): string | null =>
  ref?.data?.id === undefined || ref.data.id === null ? null : String(ref.data.id);

/** Reads `locales.<lang>.name` in our preferred order, then any language. */
export function localeName(locales: Record<string, { name?: string } | undefined> | undefined): string | null {
  if (!locales) return null;
  for (const lang of [...LOCALE_ORDER, ...Object.keys(locales)]) {
    const name = locales[lang]?.name;
    if (typeof name === 'string' && name.trim()) return name.trim();
  }
  return null;
}

export interface SaleInfo {
  id: string;
  state: string;
  organizerId: string | null;
  scheduleId: string | null;
  currency: string | null;
}

export function readSalesPage(body: unknown): { sales: SaleInfo[]; dealNames: Map<string, string> } {
  const page = (body ?? {}) as { data?: RawSale[]; included?: RawIncluded[] };
  const sales = (page.data ?? []).map((sale) => ({
    id: String(sale.id),
    state: (sale.attributes?.state ?? 'unknown').toLowerCase(),
    organizerId: idOf(sale.relationships?.organizer),
    scheduleId: idOf(sale.relationships?.schedule),
    currency: sale.attributes?.currency ?? null,
  }));
  const dealNames = new Map<string, string>();
  for (const item of page.included ?? []) {
    const name = item.type === 'deals' ? localeName(item.attributes?.locales) : null;
    if (name) dealNames.set(String(item.id), name);
  }
  return { sales, dealNames };
}

/** [A] purchase states meaning the money went back: such a purchase is not (or no longer) a sale. */
const REFUNDED_STATES: readonly string[] = ['refunded', 'cancelled', 'canceled'];

export function isRefundedState(state: unknown): boolean {
  return typeof state === 'string' && REFUNDED_STATES.includes(state.trim().toLowerCase());
}

export function readPurchasesPage(body: unknown): RawPurchase[] {
  return (body as { purchases?: RawPurchase[] } | undefined)?.purchases ?? []; // [S]
}

export interface ScheduleInfo {
  id: string;
  startAt: string | null;
  eventId: string | null;
  venueId: string | null;
}
export interface EventInfo {
  id: string;
  name: string | null;
  mainCategory: string | null;
  /** [A] category labels such as "drama", "storytelling" (Ecomail shows them; field name unknown). */
  tags: string[];
}
export interface VenueInfo {
  id: string;
  name: string | null;
  city: string | null;
}

interface RawEntity {
  id: string | number;
  attributes?: {
    startAt?: string;
    locales?: Record<string, { name?: string } | undefined>;
    mainCategory?: string;
    /** [A] */ categories?: unknown;
    /** [A] */ city?: string;
  };
  relationships?: { event?: Ref; venue?: Ref };
}

/** [S] replies vary between `data[]` and `<type>[]` (§3), so both are read. */
function entities(body: unknown, type: string): RawEntity[] {
  const page = (body ?? {}) as Record<string, unknown>;
  const list = Array.isArray(page.data) ? page.data : page[type];
  return Array.isArray(list) ? (list as RawEntity[]) : [];
}

export function readSchedules(body: unknown): ScheduleInfo[] {
  return entities(body, 'schedules').map((s) => ({
    id: String(s.id),
    startAt: s.attributes?.startAt ?? null,
    eventId: idOf(s.relationships?.event),
    venueId: idOf(s.relationships?.venue),
  }));
}

export function readEvents(body: unknown): EventInfo[] {
  return entities(body, 'events').map((e) => {
    const categories = e.attributes?.categories;
    return {
      id: String(e.id),
      name: localeName(e.attributes?.locales),
      mainCategory: e.attributes?.mainCategory ?? null,
      tags: Array.isArray(categories) ? categories.filter((c): c is string => typeof c === 'string') : [],
    };
  });
}

export function readVenues(body: unknown): VenueInfo[] {
  return entities(body, 'venues').map((v) => ({
    id: String(v.id),
    name: localeName(v.attributes?.locales),
    city: v.attributes?.city ?? null,
  }));
}

// ---------------------------------------------------------------- token refresh (§2.1)

export type RefreshVariant = 'A' | 'B';

/**
 * [A] Order in which an unknown endpoint is probed: B first, because it keeps the refresh token in
 * the body; A, whose query string carries the token into every URL a platform logs or prints
 * around an error, is the fallback. A is the better-attested form (§2.1), so it stays.
 */
export const REFRESH_VARIANT_ORDER: readonly RefreshVariant[] = ['B', 'A'];

/**
 * Variant A [S, my-irmf]: refresh token in the query, current access token as Bearer, empty body.
 * Variant B [S, weak, BojniceTurniket]: refresh token as `refresh_token` in the JSON body.
 */
export function refreshRequest(
  variant: RefreshVariant,
  url: string,
  tokens: { accessToken: string; refreshToken: string },
): HttpRequest {
  return variant === 'A'
    ? {
        method: 'POST',
        url,
        query: { refreshToken: tokens.refreshToken },
        headers: { Authorization: `Bearer ${tokens.accessToken}` },
        body: {},
      }
    : { method: 'POST', url, body: { refresh_token: tokens.refreshToken } };
}

/** Reads either reply shape: camelCase (A) or snake_case (B). The refresh token may be absent. */
export function readRefreshReply(body: unknown): { accessToken: string; refreshToken?: string } | undefined {
  const reply = (body ?? {}) as Record<string, unknown>;
  const access = reply.accessToken ?? reply.access_token;
  const refresh = reply.refreshToken ?? reply.refresh_token;
  if (typeof access !== 'string' || access === '') return undefined;
  return typeof refresh === 'string' && refresh !== '' ? { accessToken: access, refreshToken: refresh } : { accessToken: access };
}

/** [A] statuses meaning "this variant is not how the endpoint wants to be called". */
export const WRONG_VARIANT_STATUSES: readonly number[] = [400, 404, 415];

/**
 * [S, weak] a dead refresh token answers 401, or an `invalid_grant` body (my-irmf's notes).
 * [A] A refresh token that a concurrent refresh has just rotated away is answered the same way;
 * [U] whether GoOut keeps the old one valid for a moment. Variant B sends no Bearer, so while the
 * variant is unknown a 401 to B may mean "wrong variant" rather than "dead token".
 */
export function isDeadRefreshToken(status: number, body: unknown): boolean {
  if (status === 401) return true;
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  return (status === 400 || status === 403) && /invalid_grant/i.test(text);
}
