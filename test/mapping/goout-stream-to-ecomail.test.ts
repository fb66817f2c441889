import {
  ContactDirectory,
  EcomailClient,
  GoOutPurchaseSource,
  normalizeEmail,
  syncGoOutPurchases,
  type GoOutPurchase,
} from '@ecomail-bridge/shared/node';
import { startEcomailSandbox } from '../sandbox/ecomail';
import { ORGANIZER_ID } from '../sandbox/goout';
import { goOutSetup } from '../goout/helpers';

const PURCHASES = 50_000;
const BATCH = 3000;

/**
 * The core's whole path in one run: a streamed GoOut backfill handed batch by batch to the GoOut
 * job (buyers merged per batch, existing tags kept, orders in bulk) into the Ecomail sandbox over
 * real HTTP. The expected calls are computed from the stream itself: a buyer who comes back in a
 * later batch is written as an existing contact, in one more bulk call, without a read.
 */
describe('GoOut purchase stream into Ecomail', () => {
  it(`moves ${PURCHASES} purchases through the bulk path with nothing lost`, async () => {
    const goout = await goOutSetup();
    // The limit is not what this test is about: both sides allow more than Ecomail's 1,000 a minute.
    const ecomail = await startEcomailSandbox({ apiKeys: ['stream-key'], rateLimit: { requests: 100_000, windowMs: 60_000 } });
    try {
      goout.sandbox.seed(PURCHASES, { sales: 40 });
      const client = new EcomailClient({ apiKey: 'stream-key', baseUrl: ecomail.url, rateLimitPerMinute: 100_000, ...goout.runtime });
      const source = new GoOutPurchaseSource(goout.client);
      const directory = new ContactDirectory(client);

      const consentOf = new Map<string, boolean>();
      const seen = new Set<string>();
      let expectedBulkCalls = 0;
      let expectedOrderCalls = 0;
      let batch: GoOutPurchase[] = [];
      const flush = async () => {
        const emails = new Set(batch.map((purchase) => normalizeEmail(purchase.buyer.email)));
        const known = [...emails].filter((email) => seen.has(email)).length;
        expectedBulkCalls += (known > 0 ? 1 : 0) + (emails.size > known ? 1 : 0);
        expectedOrderCalls += Math.ceil(batch.length / 1000);
        const { outcomes } = await syncGoOutPurchases(client, 1, batch, { directory });
        expect(outcomes.filter((o) => o.contact.status !== 'saved' || o.order?.status !== 'sent')).toEqual([]);
        for (const email of emails) seen.add(email);
        batch = [];
      };

      for await (const purchase of source.purchases({ organizerId: ORGANIZER_ID })) {
        const email = normalizeEmail(purchase.buyer.email);
        consentOf.set(email, (consentOf.get(email) ?? false) || purchase.buyer.newsletterConsent);
        batch.push(purchase);
        if (batch.length === BATCH) await flush();
      }
      if (batch.length) await flush();

      expect(source.stats.emitted + source.stats.skippedNoEmail + source.stats.skippedRefunded).toBe(PURCHASES);
      const stored = new Map(ecomail.state.contacts().map((c) => [c.email, c]));
      expect(stored.size).toBe(consentOf.size);
      const wrongConsent = [...consentOf].filter(([email, consented]) => {
        const tags = stored.get(email)?.tags ?? [];
        return stored.get(email)?.source !== 'GoOut' || !tags.includes('GoOut') || tags.includes('GoOut_newsletter') !== consented;
      });
      expect(wrongConsent).toEqual([]);
      expect(ecomail.state.transactions().length).toBe(source.stats.emitted);

      const calls = ecomail.state.calls();
      const count = (method: string, pattern: RegExp) => calls.filter((c) => c.method === method && pattern.test(c.path)).length;
      // Every returning buyer was created by this run, which remembers the tags it wrote: no reads.
      expect([
        count('POST', /^\/lists\/1\/subscribe-bulk$/),
        count('GET', /^\/subscribers\/[^/]+$/),
        count('POST', /^\/tracker\/transaction-bulk$/),
        // Nobody existed before: buyers who come back are the run's own, whose tags it knows.
      ]).toEqual([expectedBulkCalls, 0, expectedOrderCalls]);
      const czech = [...stored.values()].find((c) => c.country === 'CZ' && c.vokativ);
      expect(czech?.vokativ).toBeTruthy();
    } finally {
      await ecomail.close();
      await goout.sandbox.close();
    }
  });
});
