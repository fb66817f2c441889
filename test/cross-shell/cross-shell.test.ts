import { buildFixture, seededEcomail, type Fixture } from './fixture';
import { runCli } from './run-cli';
import { runN8nEllity, runN8nGoOut } from './run-n8n';
import { runZapierInChild } from './run-zapier';
import { ecomailState, type EcomailStateView } from './state';

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
    const ecomail = await seededEcomail(fixture);
    try {
      await runN8nGoOut(fixture, ecomail);
      states.n8nGoOut = ecomailState(ecomail);
      await atFixedDate(ELLITY_TIME, () => runN8nEllity(fixture, ecomail));
      states.n8n = ecomailState(ecomail);
    } finally {
      await ecomail.close();
    }
  });

  it('Zapier (Add GoOut Buyer and Record Ellity Event in the app tester, in a process of its own)', async () => {
    const ecomail = await seededEcomail(fixture);
    try {
      await runZapierInChild(fixture, ecomail.url, 'goout', ELLITY_TIME);
      states.zapierGoOut = ecomailState(ecomail);
      await runZapierInChild(fixture, ecomail.url, 'ellity', ELLITY_TIME);
      states.zapier = ecomailState(ecomail);
    } finally {
      await ecomail.close();
    }
  });

  it('CLI (`backfill goout`)', async () => {
    const ecomail = await seededEcomail(fixture);
    try {
      const run = await runCli(ecomail);
      expect([run.code, run.stderr.includes('error')]).toEqual([0, false]);
      states.cliGoOut = ecomailState(ecomail);
    } finally {
      await ecomail.close();
    }
  });

  const sizes = (state: EcomailStateView) => [state.contacts.length, state.orders.length, state.events.length];
  /** The first row of each part that differs, so a failure names one contact, order or event. */
  const firstDifferences = (a: EcomailStateView, b: EcomailStateView) =>
    (['contacts', 'orders', 'events'] as const).flatMap((part) => {
      const index = a[part].findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(b[part][i]));
      return index < 0 ? [] : [{ part, index, got: a[part][index], expected: b[part][index] }];
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
