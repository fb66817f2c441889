/**
 * Raw GoOut purchase (assumed shape, docs/goout.md §4) → normalised record (§5). The raw field names are
 * read here through the types of assumed-contract.ts; everything GoOut does not say is filled with
 * null, never guessed.
 */
import type { EventInfo, RawPurchase, ScheduleInfo, VenueInfo } from './assumed-contract';
import { goOutDerivedTags } from './tags';
import type { GoOutPurchase, GoOutPurchaseItem } from './types';

/** What the source knows about the sale a purchase belongs to (one sale = one schedule [S]). */
export interface PurchaseContext {
  dealName(dealId: string): string | null;
  /** Sale currency, used when a ticket carries none. */
  currency: string | null;
  schedule: ScheduleInfo | null;
  event: EventInfo | null;
  venue: VenueInfo | null;
}

export type NormalizeResult =
  | { purchase: GoOutPurchase }
  | { skipped: 'no-email' | 'no-date'; purchaseId: string };

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

function email(value: unknown): string | null {
  const cleaned = text(value)?.toLowerCase() ?? null;
  return cleaned && /^[^\s@]+@[^\s@]+$/.test(cleaned) ? cleaned : null;
}

function country(value: unknown): string | null {
  const code = text(value)?.toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : null;
}

/** `cs`, `cs-CZ`, `CS` → `cs`. */
function language(value: unknown): string | null {
  const match = /^([a-z]{2})(?:[-_].*)?$/.exec(text(value)?.toLowerCase() ?? '');
  return match ? match[1] : null;
}

/** Consent is true only on an explicit yes (§5); anything unknown is false. */
function consent(value: unknown): boolean {
  return value === true || value === 'true' || value === 1;
}

/** Offset-bearing ISO 8601 is passed through as GoOut wrote it; anything unparsable is dropped. */
function isoDate(value: unknown): string | null {
  const raw = text(value);
  return raw && !Number.isNaN(Date.parse(raw)) ? raw : null;
}

/** When the purchase was made, in ms; NaN when GoOut gives no readable time. */
export function purchaseTime(raw: RawPurchase): number {
  const at = isoDate(raw.attributes?.createdAt);
  return at === null ? Number.NaN : Date.parse(at);
}

export function normalizePurchase(raw: RawPurchase, context: PurchaseContext): NormalizeResult {
  const purchaseId = String(raw.id);
  const a = raw.attributes ?? {};
  const buyerEmail = email(a.email);
  if (!buyerEmail) return { skipped: 'no-email', purchaseId };
  const purchasedAt = isoDate(a.createdAt);
  if (!purchasedAt) return { skipped: 'no-date', purchaseId };

  const { schedule, event, venue } = context;
  const items: GoOutPurchaseItem[] = (raw.tickets ?? []).map((ticket) => ({
    ticketId: String(ticket.id),
    dealName: ticket.dealId == null ? null : context.dealName(String(ticket.dealId)),
    priceCents: Number.isFinite(ticket.priceCents) ? Math.round(ticket.priceCents as number) : 0,
    currency: (text(ticket.currency) ?? context.currency ?? 'CZK').toUpperCase(),
    event: event ? { id: event.id, name: event.name, mainCategory: event.mainCategory, tags: [...event.tags] } : null,
    schedule: schedule ? { id: schedule.id, startAt: schedule.startAt } : null,
    venue: venue ? { id: venue.id, name: venue.name, city: venue.city } : null,
  }));
  const buyer = {
    email: buyerEmail,
    firstName: text(a.firstName),
    lastName: text(a.lastName),
    country: country(a.countryIso),
    language: language(a.language),
    newsletterConsent: consent(a.marketingAgreed),
  };
  const record: Omit<GoOutPurchase, 'derivedTags'> = {
    source: 'goout',
    purchaseId,
    purchasedAt,
    status: text(a.state)?.toLowerCase() ?? 'unknown',
    buyer,
    items,
  };
  return { purchase: { ...record, derivedTags: goOutDerivedTags(record) } };
}
