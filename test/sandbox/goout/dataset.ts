/**
 * The sandbox's sales, purchases, schedules, events and venues, computed from a seed on demand.
 * Base purchases are laid out round-robin over the organiser's sales (purchase k → sale k % S), so
 * any page of any sale is generated without storing anything; purchases added later by
 * `addPurchases` are few and kept as indices per sale.
 */
import { person } from './people';
import { pick, prng } from './prng';

export interface SeedOptions {
  seed?: number;
  /** Sales of the configured organiser; default one per 250 purchases. */
  sales?: number;
  /** ISO time of purchase 0; later purchases follow every 5 minutes. */
  startDate?: string;
  /** Share of purchases with newsletter consent. */
  consentRate?: number;
  languages?: string[];
  /** Sales of another organiser visible to the same token (3 purchases each). */
  foreignSales?: number;
  /** The first N sales are `finished` instead of `active`. */
  closedSales?: number;
}

export const ORGANIZER_ID = '101';
export const FOREIGN_ORGANIZER_ID = '999';
const FOREIGN_PURCHASES = 3;
const PURCHASE_ID_BASE = 1_000_000;
const FOREIGN_ID_BASE = 900_000_000;
const STEP_MS = 5 * 60_000;

const EVENTS = [
  { name: 'Hamlet', mainCategory: 'theatre', categories: ['drama', 'divadlo'] },
  { name: 'Příběhy z Brna', mainCategory: 'theatre', categories: ['storytelling'] },
  { name: 'Jazz na nádvoří', mainCategory: 'concerts', categories: ['koncert', 'Jazz Club'] },
  { name: 'Letní festival', mainCategory: 'festivals', categories: ['festival', 'koncert'] },
  { name: 'Večer improvizace', mainCategory: 'theatre', categories: ['storytelling', 'divadlo'] },
  { name: 'Revizor', mainCategory: 'theatre', categories: ['drama'] },
];
const VENUES = [
  { name: 'Divadlo X', city: 'Praha' },
  { name: 'Klub Kaštan', city: 'Praha' },
  { name: 'Divadlo Husa na provázku', city: 'Brno' },
  { name: 'Nová scéna', city: 'Bratislava' },
  { name: 'Kulturák', city: 'Košice' },
  { name: 'Letní scéna', city: 'Ostrava' },
];

export interface SaleRow {
  id: string;
  index: number;
  organizerId: string;
  state: string;
  scheduleId: string;
  eventId: string;
  venueId: string;
}

/** Offset-bearing ISO 8601 in Central European winter time (+01:00). */
function cetIso(ms: number): string {
  return new Date(ms + 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+01:00');
}

export class GoOutDataset {
  readonly seed: number;
  readonly mainSales: number;
  private readonly foreignSales: number;
  private readonly closedSales: number;
  private readonly startMs: number;
  private readonly consentRate: number;
  private readonly languages: string[];
  private baseCount: number;
  private nextIndex: number;
  private readonly extras = new Map<number, number[]>();
  /** Purchase states set by the test (added as refunded, refunded later), by purchase number. */
  private readonly states = new Map<number, string>();
  /** Sales cancelled by the test, by sale position: every purchase of theirs reads as refunded. */
  private readonly cancelled = new Set<number>();
  private nextExtraSale = 0;

  constructor(n: number, options: SeedOptions = {}) {
    this.seed = options.seed ?? 42;
    this.mainSales = Math.max(1, options.sales ?? Math.ceil(n / 250));
    this.foreignSales = options.foreignSales ?? 1;
    this.closedSales = Math.min(options.closedSales ?? 0, this.mainSales);
    this.startMs = Date.parse(options.startDate ?? '2026-01-05T09:00:00Z');
    this.consentRate = options.consentRate ?? 0.4;
    this.languages = options.languages ?? ['cs', 'cs', 'cs', 'sk', 'sk', 'en'];
    this.baseCount = n;
    this.nextIndex = n;
  }

  get saleCount(): number {
    return this.mainSales + this.foreignSales;
  }

  /** Purchases of the organiser's own sales (foreign ones not counted). */
  get purchaseCount(): number {
    return this.nextIndex;
  }

  sale(position: number): SaleRow {
    if (position < this.mainSales) {
      return {
        id: String(50_000 + position),
        index: position,
        organizerId: ORGANIZER_ID,
        state: this.cancelled.has(position) ? 'cancelled' : position < this.closedSales ? 'finished' : 'active',
        scheduleId: String(70_000 + position),
        eventId: String(90_000 + (position % Math.max(1, Math.ceil(this.mainSales / 3)))),
        venueId: String(300 + (position % VENUES.length)),
      };
    }
    const f = position - this.mainSales;
    return { id: String(60_000 + f), index: position, organizerId: FOREIGN_ORGANIZER_ID, state: 'active', scheduleId: String(80_000 + f), eventId: '90000', venueId: '300' };
  }

  saleById(id: string): SaleRow | undefined {
    const n = Number(id);
    if (n >= 50_000 && n < 50_000 + this.mainSales) return this.sale(n - 50_000);
    if (n >= 60_000 && n < 60_000 + this.foreignSales) return this.sale(this.mainSales + n - 60_000);
    return undefined;
  }

  salePurchaseCount(sale: SaleRow): number {
    if (sale.organizerId !== ORGANIZER_ID) return FOREIGN_PURCHASES;
    const base = sale.index < this.baseCount ? Math.floor((this.baseCount - 1 - sale.index) / this.mainSales) + 1 : 0;
    return base + (this.extras.get(sale.index)?.length ?? 0);
  }

  /** Raw purchase number `position` of `sale`, in the assumed GoOut shape (docs/goout.md §4). */
  purchase(sale: SaleRow, position: number, withTickets: boolean): unknown {
    if (sale.organizerId !== ORGANIZER_ID) {
      const k = (sale.index - this.mainSales) * FOREIGN_PURCHASES + position;
      return this.render(sale, FOREIGN_ID_BASE + k, 10_000_000 + k, k, withTickets);
    }
    const base = this.salePurchaseCount(sale) - (this.extras.get(sale.index)?.length ?? 0);
    const k = position < base ? sale.index + position * this.mainSales : this.extras.get(sale.index)![position - base];
    return this.render(sale, PURCHASE_ID_BASE + k, k, k, withTickets);
  }

  /**
   * New purchases after the first poll, spread over the active sales; ids keep growing. `state`
   * fixes their state (e.g. `refunded`); otherwise it is drawn like the seeded ones'. Returns their ids.
   */
  addPurchases(count: number, state?: string): string[] {
    const active = this.mainSales - this.closedSales;
    if (active <= 0) throw new Error('no active sale to add purchases to');
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const saleIndex = this.closedSales + (this.nextExtraSale++ % active);
      const list = this.extras.get(saleIndex) ?? [];
      const k = this.nextIndex++;
      list.push(k);
      this.extras.set(saleIndex, list);
      if (state !== undefined) this.states.set(k, state);
      ids.push(String(PURCHASE_ID_BASE + k));
    }
    return ids;
  }

  /** The purchase with this id is refunded from now on (it stays where it is listed). */
  refund(purchaseId: string): void {
    const k = Number(purchaseId) - PURCHASE_ID_BASE;
    if (!(Number.isInteger(k) && k >= 0 && k < this.nextIndex)) throw new Error(`no purchase ${purchaseId} of the organiser`);
    this.states.set(k, 'refunded');
  }

  /** The organiser's sale is cancelled from now on (an event called off): all its purchases are refunded. */
  cancelSale(saleId: string): void {
    const sale = this.saleById(saleId);
    if (!sale || sale.organizerId !== ORGANIZER_ID) throw new Error(`no sale ${saleId} of the organiser`);
    this.cancelled.add(sale.index);
  }

  /**
   * The organiser's purchases a backfill imports, in the order GoOut pages them (sales, then each
   * sale's purchases): those with an e-mail and not already refunded, as the core reads them by default.
   */
  importablePurchases(): Array<{ id: string; email: string; consent: boolean }> {
    const result: Array<{ id: string; email: string; consent: boolean }> = [];
    for (let position = 0; position < this.mainSales; position++) {
      const sale = this.sale(position);
      for (let i = 0; i < this.salePurchaseCount(sale); i++) {
        const raw = this.purchase(sale, i, false) as { id: string; attributes: { email: string | null; marketingAgreed: boolean; state: string } };
        const email = raw.attributes.email?.trim().toLowerCase();
        if (email && raw.attributes.state !== 'refunded') result.push({ id: raw.id, email, consent: raw.attributes.marketingAgreed });
      }
    }
    return result;
  }

  deals(sale: SaleRow): unknown[] {
    return [
      { id: `${sale.id}1`, type: 'deals', attributes: { locales: { cs: { name: 'Vstupenka' }, en: { name: 'Ticket' } }, priceCents: 35_000 } },
      { id: `${sale.id}2`, type: 'deals', attributes: { locales: { cs: { name: 'Zlevněná vstupenka' }, en: { name: 'Reduced ticket' } }, priceCents: 25_000 } },
    ];
  }

  schedule(id: string): unknown | undefined {
    const n = Number(id);
    const sale = n >= 80_000 ? this.saleById(String(60_000 + n - 80_000)) : this.saleById(String(50_000 + n - 70_000));
    if (!sale || sale.scheduleId !== id) return undefined;
    return {
      id,
      type: 'schedules',
      attributes: { startAt: cetIso(this.startMs + (sale.index + 30) * 86_400_000 + 10 * 3_600_000), hasTime: true, ticketingState: sale.state },
      relationships: { event: { data: { id: sale.eventId, type: 'events' } }, venue: { data: { id: sale.venueId, type: 'venues' } } },
    };
  }

  event(id: string): unknown | undefined {
    const e = Number(id) - 90_000;
    if (!(e >= 0 && e < Math.max(1, Math.ceil(this.mainSales / 3)))) return undefined;
    const t = EVENTS[e % EVENTS.length];
    const round = Math.floor(e / EVENTS.length);
    const name = round ? `${t.name} ${round + 1}` : t.name;
    return { id, type: 'events', attributes: { locales: { cs: { name }, en: { name } }, mainCategory: t.mainCategory, categories: t.categories } };
  }

  venue(id: string): unknown | undefined {
    const v = VENUES[Number(id) - 300];
    return v ? { id, type: 'venues', attributes: { locales: { cs: { name: v.name } }, city: v.city } } : undefined;
  }

  private render(sale: SaleRow, id: number, k: number, timeIndex: number, withTickets: boolean): unknown {
    const rnd = prng(this.seed, k, 2);
    // About one purchase in twenty is a returning buyer: same person as seven purchases earlier.
    const buyerIndex = rnd() < 0.05 && k >= 7 ? k - 7 : k;
    const who = person(this.seed, buyerIndex, this.languages);
    const e = rnd();
    const email = e < 0.01 ? null : e < 0.02 ? '  ' : who.email;
    const ticketCount = 1 + Math.floor(rnd() * 4);
    const tickets = Array.from({ length: ticketCount }, (_, t) => {
      const reduced = rnd() < 0.3;
      return { id: `${id}-${t + 1}`, dealId: `${sale.id}${reduced ? 2 : 1}`, priceCents: reduced ? 25_000 : 35_000, currency: 'czk' };
    });
    // Drawn in this order whatever the state set by a test, so the other draws stay the same.
    const consent = rnd() < this.consentRate;
    const drawnState = pick(rnd, ['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'refunded']);
    return {
      id: String(id),
      type: 'purchases',
      attributes: {
        firstName: who.firstName,
        lastName: who.lastName,
        email,
        countryIso: who.country,
        language: who.language,
        marketingAgreed: consent,
        createdAt: cetIso(this.startMs + timeIndex * STEP_MS),
        state: this.cancelled.has(sale.index) ? 'refunded' : (this.states.get(k) ?? drawnState),
        ticketCount,
      },
      relationships: { sale: { data: { id: sale.id, type: 'sales' } } },
      ...(withTickets ? { tickets } : {}),
    };
  }
}
