import { buildFixture, seededEcomail, type Fixture } from './fixture';
import { runCli } from './run-cli';
import { runN8nEllity, runN8nGoOut } from './run-n8n';
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

  it('GoOut purchases: contacts, fields, tags, lists, statuses and orders are identical', () => {
    const sizes = (state: EcomailStateView) => [state.contacts.length, state.orders.length, state.events.length];
    expect(sizes(states.cliGoOut)).toEqual(sizes(states.n8nGoOut));
    expect(states.cliGoOut).toEqual(states.n8nGoOut);
  });
});
