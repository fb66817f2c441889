/**
 * What the sandbox shop holds: two shops of one IdoSell account (1 = Czech, CZK; 2 = Polish, PLN),
 * customer accounts with per-shop newsletter approvals, guest orders, newsletter subscribers
 * without an account, and orders generated from their index. Tests read the expectations from
 * here, never from the code under test.
 */
import { pick, prng } from '../goout/prng';
import { PRODUCTS } from './catalogue';
import { shopper, type Shopper } from './shoppers';

export const SHOPS = [
  { id: 1, language: 'cze', currency: 'CZK', country: 'CZ' },
  { id: 2, language: 'pol', currency: 'PLN', country: 'PL' },
] as const;
export type ShopId = 1 | 2;

export interface SandboxClient {
  id: number;
  login: string;
  shopId: ShopId;
  person: Shopper;
  approvedShops: ShopId[];
}

export interface SandboxOrderLine {
  productId: number;
  quantity: number;
}

export interface SandboxOrder {
  orderId: string;
  serialNumber: number;
  shopId: ShopId;
  /** 0 for a guest. */
  clientId: number;
  person: Shopper;
  status: string;
  addDate: string;
  changeDate: string;
  lines: SandboxOrderLine[];
}

export interface SandboxSubscriber {
  email: string;
  language: string;
  registered: 'y' | 'n';
  shops: Partial<Record<ShopId, { approval: 'y' | 'n'; date: string }>>;
}

const STATUSES: Array<[string, number]> = [
  ['finished', 0.55],
  ['new', 0.13],
  ['packed', 0.08],
  ['payment_waiting', 0.06],
  ['ready', 0.05],
  ['canceled', 0.08],
  ['false', 0.02],
  ['lost', 0.03],
];
const BASE_MS = Date.parse('2026-06-01T08:00:00Z');

export function shopTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function status(rnd: () => number): string {
  let r = rnd();
  for (const [name, share] of STATUSES) {
    if (r < share) return name;
    r -= share;
  }
  return 'finished';
}

export class IdoSellDataset {
  readonly clients: SandboxClient[] = [];
  readonly orders: SandboxOrder[] = [];
  readonly subscribers: SandboxSubscriber[] = [];
  private readonly byId = new Map<string, SandboxOrder>();
  private sorted: SandboxOrder[] | undefined;
  private clock: number;

  constructor(
    orders: number,
    readonly seed = 4,
  ) {
    const clientCount = Math.max(1, Math.ceil(orders / 2));
    for (let c = 0; c < clientCount; c++) {
      const rnd = prng(seed, c, 11);
      const shopId: ShopId = c % 3 === 2 ? 2 : 1;
      const approvedShops: ShopId[] = [];
      if (rnd() < 0.6) approvedShops.push(shopId);
      if (rnd() < 0.1) approvedShops.push(shopId === 1 ? 2 : 1);
      this.clients.push({ id: 5000 + c, login: `login${5000 + c}`, shopId, person: shopper(seed, c, shopId === 1 ? 'CZ' : 'PL'), approvedShops });
    }
    const subscriberCount = Math.ceil(orders / 10);
    for (let s = 0; s < subscriberCount; s++) {
      const rnd = prng(seed, s, 12);
      const shopId: ShopId = s % 2 === 0 ? 1 : 2;
      const registered = rnd() < 0.2 ? 'y' : 'n';
      const base = shopper(seed, 900_000 + s, shopId === 1 ? 'CZ' : 'PL');
      this.subscribers.push({
        email: `news.${base.email}`,
        language: SHOPS[shopId - 1].language,
        registered,
        shops: { [shopId]: { approval: rnd() < 0.85 ? 'y' : 'n', date: shopTime(BASE_MS - (s + 1) * 3_600_000) } },
      });
    }
    this.clock = BASE_MS;
    this.addOrders(orders);
  }

  /** Orders placed after the ones there are (a shop keeps selling while a sync runs), from `startMs` if given, a minute apart. */
  addOrders(count: number, startMs?: number): void {
    const start = this.orders.length;
    const base = startMs === undefined ? BASE_MS : startMs - start * 60_000;
    for (let i = start; i < start + count; i++) {
      const rnd = prng(this.seed, i, 13);
      const guest = rnd() < 0.12;
      const client = guest ? undefined : this.clients[Math.floor(rnd() * this.clients.length)];
      const shopId: ShopId = client?.shopId ?? (i % 3 === 2 ? 2 : 1);
      const person = client?.person ?? shopper(this.seed, 500_000 + i, shopId === 1 ? 'CZ' : 'PL');
      const lines = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({ productId: pick(rnd, PRODUCTS).id, quantity: 1 + Math.floor(rnd() * 3) }));
      const addMs = base + i * 60_000;
      const order: SandboxOrder = {
        orderId: `${shopId === 1 ? 'cz' : 'pl'}-${100_000 + i}`,
        serialNumber: 100_000 + i,
        shopId,
        clientId: client?.id ?? 0,
        // About 1 guest order in 100 has no e-mail (a phone order).
        person: guest && rnd() < 0.08 ? { ...person, email: '' } : person,
        status: status(rnd),
        addDate: shopTime(addMs),
        changeDate: shopTime(addMs + Math.floor(rnd() * 3600) * 1000),
        lines,
      };
      this.orders.push(order);
      this.byId.set(order.orderId, order);
      this.clock = Math.max(this.clock, Date.parse(`${order.changeDate.replace(' ', 'T')}Z`));
    }
    this.sorted = undefined;
  }

  /** The merchant changes an order's status at `atMs` (default: one second after the latest change). */
  changeStatus(orderId: string, newStatus: string, atMs?: number): SandboxOrder {
    const order = this.byId.get(orderId);
    if (!order) throw new Error(`no sandbox order ${orderId}`);
    this.clock = Math.max(this.clock + 1000, atMs ?? 0);
    order.status = newStatus;
    order.changeDate = shopTime(this.clock);
    this.sorted = undefined;
    return order;
  }

  client(id: number): SandboxClient | undefined {
    return this.clients[id - 5000];
  }

  /** Orders changed in [begin, end], oldest change first (ties by order id). */
  changedBetween(begin: string, end: string, by: 'modified' | 'add'): SandboxOrder[] {
    const key = (order: SandboxOrder) => (by === 'modified' ? order.changeDate : order.addDate);
    if (!this.sorted) this.sorted = [...this.orders].sort((a, b) => (a.changeDate < b.changeDate ? -1 : a.changeDate > b.changeDate ? 1 : a.orderId < b.orderId ? -1 : 1));
    const source = by === 'modified' ? this.sorted : this.orders;
    return source.filter((order) => key(order) >= begin && key(order) <= end);
  }
}
