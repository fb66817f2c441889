import { expectedShopState } from '../idosell/expected-state';
import { buildFixture, seededEcomail, type Fixture } from './fixture';
import { runCli, runCliShop } from './run-cli';
import { runN8nEllity, runN8nGoOut, runN8nShop } from './run-n8n';
import { runZapierInChild } from './run-zapier';
import { IdoSellDataset } from '../sandbox/idosell';
import { SHOP_CONSENT_MODE, SHOP_ORDERS, SHOP_SEED, buildShopFixture, type ShopFixture } from './shop-fixture';
import { ecomailState, type EcomailStateView } from './state';
import type { EcomailSandbox } from '../sandbox/ecomail';

/** Receipt time of the Ellity deliveries, the same in every shell (Ellity sends no timestamp). */
const ELLITY_TIME = new Date('2026-06-15T10:00:00Z');
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

/** Runs `task` with only `Date` frozen at `at`; timers stay real. */
async function atFixedDate<T>(at: Date, task: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({ now: at, doNotFake: [...REAL_TIMERS] });
  try {
    return await task();
  } finally {
    jest.useRealTimers();
  }
}

let fixture: Fixture;
const states: Record<string, EcomailStateView> = {};

/** Runs one shell against a fresh Ecomail sandbox holding the fixture's contacts, and closes it. */
async function inSeededEcomail(seed: Parameters<typeof seededEcomail>[0], task: (ecomail: EcomailSandbox) => Promise<void>): Promise<void> {
  const ecomail = await seededEcomail(seed);
  try {
    await task(ecomail);
  } finally {
    await ecomail.close();
  }
}

const sizes = (state: EcomailStateView) => [state.contacts.length, state.orders.length, state.events.length];
/** The first row of each part that differs, so a failure names one contact, order or event. */
const firstDifferences = (a: EcomailStateView, b: EcomailStateView) =>
  (['contacts', 'orders', 'events'] as const).flatMap((part) => {
    const index = a[part].findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(b[part][i]));
    return index < 0 ? [] : [{ part, index, got: a[part][index], expected: b[part][index] }];
  });

beforeAll(async () => {
  fixture = await buildFixture();
});

describe('the same buyers and loyalty events leave the same Ecomail state from every shell', () => {
  it('has a fixture worth comparing', () => {
    const emails = fixture.purchases.map((purchase) => purchase.buyer.email.trim().toLowerCase());
    const repeatedInOnePoll = fixture.purchases.filter((_, i) => {
      const poll = Math.floor(i / 100);
      return emails.findIndex((email, j) => email === emails[i] && Math.floor(j / 100) === poll) !== i;
    });
    expect(fixture.purchases.length).toBeGreaterThanOrEqual(500);
    expect(repeatedInOnePoll.length).toBeGreaterThan(0);
    expect(fixture.purchases.some((purchase) => purchase.status === 'refunded')).toBe(true);
    expect(fixture.purchases.some((purchase) => purchase.status === 'paid')).toBe(true);
    expect(fixture.ellityBodies.length).toBeGreaterThanOrEqual(50);
  });

  it('n8n (the Ecomail node in n8n’s engine)', async () => {
    await inSeededEcomail(fixture, async (ecomail) => {
      await runN8nGoOut(fixture, ecomail);
      states.n8nGoOut = ecomailState(ecomail);
      await atFixedDate(ELLITY_TIME, () => runN8nEllity(fixture, ecomail));
      states.n8n = ecomailState(ecomail);
    });
  });

  it('Zapier (Add GoOut Buyer and Record Ellity Event in the app tester, in a process of its own)', async () => {
    await inSeededEcomail(fixture, async (ecomail) => {
      await runZapierInChild({ goout: fixture }, ecomail.url, 'goout', ELLITY_TIME);
      states.zapierGoOut = ecomailState(ecomail);
      await runZapierInChild({ goout: fixture }, ecomail.url, 'ellity', ELLITY_TIME);
      states.zapier = ecomailState(ecomail);
    });
  });

  it('CLI (`backfill goout`)', async () => {
    await inSeededEcomail(fixture, async (ecomail) => {
      const run = await runCli(ecomail);
      expect([run.code, run.stderr.includes('error')]).toEqual([0, false]);
      states.cliGoOut = ecomailState(ecomail);
    });
  });

  it('GoOut purchases: contacts, fields, tags, lists, statuses and orders are identical', () => {
    expect(sizes(states.zapierGoOut)).toEqual(sizes(states.n8nGoOut));
    expect(firstDifferences(states.zapierGoOut, states.n8nGoOut)).toEqual([]);
    expect(states.zapierGoOut).toEqual(states.n8nGoOut);
    expect(sizes(states.cliGoOut)).toEqual(sizes(states.n8nGoOut));
    expect(firstDifferences(states.cliGoOut, states.n8nGoOut)).toEqual([]);
    expect(states.cliGoOut).toEqual(states.n8nGoOut);
  });

  it('the states compared are the expected ones, not empty alike', () => {
    const buyers = new Set(fixture.purchases.map((purchase) => purchase.buyer.email.trim().toLowerCase()));
    expect(sizes(states.n8nGoOut)).toEqual([buyers.size, fixture.purchases.length, 0]);
    const refunded = fixture.purchases.filter((purchase) => purchase.status === 'refunded').length;
    expect(states.n8nGoOut.orders.filter((order) => order.status === 'canceled').length).toBe(refunded);
    // 45 members' changes, repeats dropped; two expiry notices with 0 points expiring fire no event.
    expect(states.n8n.events.length).toBe(43);
    const strangers = new Set(fixture.strangers);
    expect(states.n8n.contacts.filter((contact) => strangers.has(String(contact.email)))).toEqual([]);
    const elsewhere = states.n8nGoOut.contacts.find((contact) => contact.email === fixture.elsewhere[0]);
    expect((elsewhere?.tags as string[]).filter((tag) => tag === 'VIP' || tag.startsWith('festival_'))).toEqual(['VIP', 'festival_0']);
    const unsubscribed = states.n8nGoOut.contacts.find((contact) => contact.email === fixture.unsubscribed[0]);
    expect((unsubscribed?.lists as Record<string, { status: number }>)['1'].status).toBe(2);
  });

  it('Ellity events: fields and events are identical (the CLI has no Ellity events: they arrive live, it imports the CSV export)', () => {
    expect(sizes(states.zapier)).toEqual(sizes(states.n8n));
    expect(firstDifferences(states.zapier, states.n8n)).toEqual([]);
    expect(states.zapier).toEqual(states.n8n);
  });
});

describe('the same IdoSell orders and subscribers leave the same Ecomail state from every shell', () => {
  let shop: ShopFixture;
  const shopStates: Record<string, EcomailStateView> = {};

  beforeAll(async () => {
    shop = await buildShopFixture();
  });

  it('has a fixture worth comparing', () => {
    const [first, second] = shop.phases;
    const orders = first.flatMap((record) => (record.type === 'order' ? [record] : []));
    const emails = orders.map((order) => order.buyer.email);
    const repeatedInOnePoll = emails.filter((email, i) => emails.findIndex((other, j) => other === email && Math.floor(j / 100) === Math.floor(i / 100)) !== i);
    expect([orders.length >= 500, repeatedInOnePoll.length > 0]).toEqual([true, true]);
    expect([orders.some((o) => o.buyer.newsletterConsent), orders.some((o) => !o.buyer.newsletterConsent), orders.some((o) => !o.isPurchase)]).toEqual([true, true, true]);
    expect(first.filter((record) => record.type === 'subscriber').length).toBeGreaterThan(20);
    expect(orders.some((o) => o.lines.some((line) => line.categoryPath.length === 3))).toBe(true);
    expect(second.map((record) => [record.type, record.type === 'order' && record.status])).toEqual(second.map(() => ['order', 'canceled']));
    expect(second).toHaveLength(25);
  });

  it('n8n (IdoSell Trigger records → Ecomail, Map From: Shop Order, in n8n’s engine)', async () => {
    await inSeededEcomail(shop, async (ecomail) => {
      await runN8nShop(shop, ecomail);
      shopStates.n8n = ecomailState(ecomail);
    });
  });

  it('Zapier (Add IdoSell Shop Order in the app tester, in a process of its own)', async () => {
    await inSeededEcomail(shop, async (ecomail) => {
      await runZapierInChild({ goout: fixture, shop }, ecomail.url, 'idosell', ELLITY_TIME);
      shopStates.zapier = ecomailState(ecomail);
    });
  });

  it('CLI (`backfill idosell`, then again with the checkpoint after the cancellations)', async () => {
    await inSeededEcomail(shop, async (ecomail) => {
      const runs = await runCliShop(ecomail);
      expect(runs.map((run) => [run.code, run.stderr.includes('error')])).toEqual([
        [0, false],
        [0, false],
      ]);
      shopStates.cli = ecomailState(ecomail);
    });
  });

  it('contacts, fields, tags, lists, statuses and orders are identical', () => {
    for (const shell of ['zapier', 'cli']) {
      expect(sizes(shopStates[shell])).toEqual(sizes(shopStates.n8n));
      expect(firstDifferences(shopStates[shell], shopStates.n8n)).toEqual([]);
      expect(shopStates[shell]).toEqual(shopStates.n8n);
    }
  });

  it('the states compared are the expected ones, not empty alike', () => {
    // The shop's accounts and approvals, rebuilt from the seed.
    const want = expectedShopState(new IdoSellDataset(SHOP_ORDERS, SHOP_SEED), shop.seen, SHOP_CONSENT_MODE);
    const subscribers = new Set(shop.phases[0].flatMap((record) => (record.type === 'subscriber' ? [record.email] : [])));
    const state = shopStates.n8n;
    expect(sizes(state)).toEqual([want.contacts.size + subscribers.size, want.orders.length, 0]);
    expect(new Set(state.contacts.map((contact) => String(contact.email)))).toEqual(new Set([...want.contacts.keys(), ...subscribers]));
    expect(state.orders.map((order) => [order.order_id, order.status])).toEqual(want.orders);
    const preExisting = new Set([...shop.elsewhere, ...shop.tagged]);
    const shoppers = state.contacts.filter((contact) => want.contacts.has(String(contact.email)) && !preExisting.has(String(contact.email)));
    expect(shoppers.map((contact) => [contact.email, contact.tags])).toEqual(shoppers.map((contact) => [contact.email, want.contacts.get(String(contact.email))]));
    const canceled = new Set(shop.phases[1].map((record) => (record.type === 'order' ? record.orderId : '')));
    expect(state.orders.filter((order) => canceled.has(String(order.order_id))).map((order) => order.status)).toEqual([...canceled].map(() => 'canceled'));
    // Pre-existing tags are kept; an unsubscribed shopper stays unsubscribed (nobody asked to resubscribe).
    const elsewhere = state.contacts.find((contact) => contact.email === shop.elsewhere[0]);
    expect((elsewhere?.tags as string[]).filter((tag) => tag === 'VIP' || tag.startsWith('festival_'))).toEqual(['VIP', 'festival_0']);
    const unsubscribed = state.contacts.find((contact) => contact.email === shop.unsubscribed[0]);
    expect((unsubscribed?.lists as Record<string, { status: number }>)['1'].status).toBe(2);
    // The newsletter tag only on shoppers who consented (for the shop of one of their orders) and on subscribers.
    const consenting = new Set([...subscribers, ...shop.phases[0].flatMap((record) => (record.type === 'order' && record.buyer.newsletterConsent ? [record.buyer.email] : []))]);
    expect(state.contacts.filter((contact) => (contact.tags as string[]).includes('IdoSell_newsletter') !== consenting.has(String(contact.email))).map((contact) => contact.email)).toEqual([]);
  });
});
