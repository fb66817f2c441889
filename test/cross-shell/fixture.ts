import {
  ELLITY_WEBHOOK_SCHEMA,
  EcomailClient,
  GoOutPurchaseSource,
  createNodeRuntime,
  normalizeEmail,
  type GoOutPurchase,
} from '@ecomail-bridge/shared/node';
import { startEcomailSandbox, type EcomailSandbox } from '../sandbox/ecomail';
import { ORGANIZER_ID, type SeedOptions } from '../sandbox/goout';
import { goOutSetup } from '../goout/helpers';

/**
 * One GoOut history for every shell: 600 purchases of one sale, with returning buyers (some
 * inside one batch), refunds, mixed consent, messy names and titles, and a few purchases without
 * an e-mail. Deterministic: the CLI's own GoOut sandbox seeded with the same values serves the
 * same purchases.
 */
export const GOOUT_PURCHASES = 600;
export const GOOUT_SEED: SeedOptions = { seed: 20261201, sales: 1, consentRate: 0.45, foreignSales: 0 };
/** What one GoOut Trigger poll hands the Ecomail node; the core merges buyers within it. */
export const N8N_POLL_SIZE = 100;
export const API_KEYS = ['cross-a', 'cross-b', 'cross-c', 'cross-d'];
export const LIST = 1;
export const OTHER_LIST = 2;

export interface Fixture {
  purchases: GoOutPurchase[];
  /** Buyers that exist before the run: tagged in another list, tagged in the list, unsubscribed from it. */
  elsewhere: string[];
  tagged: string[];
  unsubscribed: string[];
  /** Raw Ellity webhook bodies in delivery order (repeats included). */
  ellityBodies: string[];
  strangers: string[];
}

/** The fixture of a history of `count` purchases (a smaller one for the destinations the CLI paces slower). */
export async function buildFixture(count = GOOUT_PURCHASES): Promise<Fixture> {
  const goout = await goOutSetup();
  try {
    goout.sandbox.seed(count, GOOUT_SEED);
    const purchases: GoOutPurchase[] = [];
    // Refunded ones too, as every shell is set to import them (GoOut Trigger "Include Refunded
    // Purchases", `backfill goout --include-refunded`): their orders arrive canceled.
    const reading = new GoOutPurchaseSource(goout.client).purchases({ organizerId: ORGANIZER_ID, includeRefunded: true });
    for await (const purchase of reading) purchases.push(purchase);
    const buyers = [...new Set(purchases.map((purchase) => normalizeEmail(purchase.buyer.email)))];
    const strangers = Array.from({ length: 10 }, (_, i) => `not-a-member${i}@example.cz`);
    const members = buyers.slice(40, 85);
    return {
      purchases,
      elsewhere: buyers.slice(0, 25),
      tagged: buyers.slice(25, 35),
      unsubscribed: buyers.slice(35, 40),
      ellityBodies: ellityDeliveries(members, strangers),
      strangers,
    };
  } finally {
    await goout.sandbox.close();
  }
}

const TRIGGERS = ['credit_changed', 'points_expiring', 'pin_changed', 'tier_changed'] as const;

/** 45 members' changes of all four kinds, 10 strangers, and 10 repeated deliveries. */
function ellityDeliveries(members: readonly string[], strangers: readonly string[]): string[] {
  const body = (email: string, i: number) =>
    JSON.stringify({
      schema: ELLITY_WEBHOOK_SCHEMA,
      trigger: TRIGGERS[i % TRIGGERS.length],
      eshopId: '456',
      customer: {
        id: String(1000 + i),
        email,
        credit: `${(i * 37) % 900} `,
        tierId: String(1 + (i % 3)),
        tierName: ['Silver', 'Gold', 'Platinum'][i % 3],
        pin: String(4000 + i),
        nextExpirationDate: '2026-12-31',
        nextExpirationValue: String(i % 5 === 0 ? 0 : 10 + i),
      },
      creditChange: { value: String((i % 7) - 3) },
    });
  const bodies = members.map((email, i) => body(email, i));
  const withStrangers = [...bodies, ...strangers.map((email, i) => body(email, 100 + i))];
  // Each repeat arrives right after its original, as a retried webhook does.
  return withStrangers.flatMap((delivery, i) => (i % 5 === 0 ? [delivery, delivery] : [delivery]));
}

/** A fresh Ecomail sandbox for one shell, with the same contacts already in the account. */
export async function seededEcomail(fixture: Pick<Fixture, 'elsewhere' | 'tagged' | 'unsubscribed'>): Promise<EcomailSandbox> {
  const sandbox = await startEcomailSandbox({
    apiKeys: API_KEYS,
    lists: [
      { id: LIST, name: 'Newsletter' },
      { id: OTHER_LIST, name: 'Festival' },
    ],
  });
  const seed = new EcomailClient({ apiKey: API_KEYS[0], baseUrl: sandbox.url, ...createNodeRuntime() });
  await seed.upsertContacts(OTHER_LIST, fixture.elsewhere.map((email, i) => ({ email, tags: ['VIP', `festival_${i % 3}`] })));
  await seed.upsertContacts(LIST, fixture.tagged.map((email) => ({ email, name: 'Stará', tags: ['old_customer'] })));
  await seed.upsertContacts(LIST, fixture.unsubscribed.map((email) => ({ email })));
  for (const email of fixture.unsubscribed) await seed.unsubscribe(LIST, email);
  return sandbox;
}
