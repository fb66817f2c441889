import { startEcomailSandbox, type EcomailSandbox, type SandboxCall } from '../../test/sandbox/ecomail';
import { ORGANIZER_ID, startGoOutSandbox, type GoOutSandbox } from '../../test/sandbox/goout';
import { callsByEndpoint, organiserPurchases, seedExistingBuyers } from './existing-buyers';
import { backfillEnv, runInProcess, tempDir } from './helpers';

/** One batch: the flags of each call are the core's decision for the whole import. */
const PURCHASES = 250;

interface BulkCall {
  resubscribe: boolean;
  triggerAutoresponders: boolean;
  emails: string[];
}

function bulkCalls(calls: readonly SandboxCall[]): BulkCall[] {
  return calls
    .filter((call) => call.path === '/lists/1/subscribe-bulk')
    .map((call) => {
      const body = call.body as { resubscribe: boolean; trigger_autoresponders: boolean; subscriber_data: Array<{ email: string }> };
      return { resubscribe: body.resubscribe, triggerAutoresponders: body.trigger_autoresponders, emails: body.subscriber_data.map((row) => row.email) };
    });
}

describe('backfill goout: subscribe choices and orders are the core\'s', () => {
  let goout: GoOutSandbox;
  let purchases: Array<{ email: string; consent: boolean }>;
  let ecomail: EcomailSandbox | undefined;

  beforeAll(async () => {
    goout = await startGoOutSandbox();
    goout.seed(PURCHASES);
    purchases = organiserPurchases(goout);
  });
  afterEach(() => ecomail?.close());
  afterAll(() => goout.close());

  /** A fresh Ecomail where every fifth buyer exists and has unsubscribed from list 1 (or is only in list 2). */
  async function run(args: string[]): Promise<{ calls: SandboxCall[]; unsubscribed: string[] }> {
    ecomail = await startEcomailSandbox();
    await seedExistingBuyers(ecomail, purchases.map((purchase) => purchase.email), { share: 0.2, unsubscribeEvery: 1 });
    const unsubscribed = ecomail.state.contacts().filter((contact) => contact.lists['1']?.status === 2).map((contact) => contact.email);
    const seeding = ecomail.state.calls().length;
    const result = await runInProcess(['backfill', 'goout', '--organizer', ORGANIZER_ID, '--list', '1', '--confirm-permission', ...args], backfillEnv(ecomail, goout), tempDir());
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    return { calls: ecomail.state.calls().slice(seeding), unsubscribed };
  }

  const consented = () => new Set(purchases.filter((purchase) => purchase.consent).map((purchase) => purchase.email));
  const statusOf = (email: string) => ecomail!.state.contact(email)?.lists['1']?.status;

  it('by default resubscribes nobody, starts no automation and sends the orders in bulk', async () => {
    const { calls, unsubscribed } = await run([]);
    expect(unsubscribed.length).toBeGreaterThan(0);
    expect(bulkCalls(calls).map(({ resubscribe, triggerAutoresponders }) => ({ resubscribe, triggerAutoresponders }))).toEqual([
      { resubscribe: false, triggerAutoresponders: false },
      { resubscribe: false, triggerAutoresponders: false },
    ]);
    expect(unsubscribed.filter((email) => statusOf(email) !== 2)).toEqual([]);
    expect(callsByEndpoint(calls)['POST /tracker/transaction-bulk']).toBe(1);
    expect(callsByEndpoint(calls)['POST /tracker/transaction']).toBeUndefined();
    expect(ecomail!.state.transactions()).toHaveLength(purchases.length);
  });

  it('--resubscribe resubscribes exactly the unsubscribed buyers who consented in a purchase', async () => {
    const { calls, unsubscribed } = await run(['--resubscribe']);
    const yes = consented();
    const expected = unsubscribed.filter((email) => yes.has(email)).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(unsubscribed.length);
    expect(unsubscribed.filter((email) => statusOf(email) === 1).sort()).toEqual(expected);
    // Each call carries one flag: consenting buyers go in the resubscribe calls, nobody else.
    const resubscribed = bulkCalls(calls).filter((call) => call.resubscribe).flatMap((call) => call.emails);
    expect(resubscribed.sort()).toEqual([...new Set(purchases.map((purchase) => purchase.email))].filter((email) => yes.has(email)).sort());
  });

  it('--no-orders sends no order', async () => {
    const { calls } = await run(['--no-orders']);
    expect(Object.keys(callsByEndpoint(calls)).filter((endpoint) => endpoint.includes('/tracker/'))).toEqual([]);
  });

  // Last: its order calls, one each, are paced by the client's limit of 1,000 a minute, shared in this process.
  it('--trigger-automations starts them for contacts and sends each order on its own', async () => {
    const { calls } = await run(['--trigger-automations']);
    expect(bulkCalls(calls).every((call) => call.triggerAutoresponders)).toBe(true);
    expect(bulkCalls(calls)).toHaveLength(2);
    expect(callsByEndpoint(calls)['POST /tracker/transaction']).toBe(purchases.length);
    expect(callsByEndpoint(calls)['POST /tracker/transaction-bulk']).toBeUndefined();
  });
});
