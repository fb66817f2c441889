import { normalizeEmail } from '@ecomail-bridge/shared/node';
import { startGetResponseSandbox, type GetResponseSandbox } from '../sandbox/getresponse';
import { startSalesManagoSandbox, type SalesManagoSandbox } from '../sandbox/salesmanago';
import { getResponseState, salesManagoState, type DestinationStateView } from './destination-state';
import { buildFixture, type Fixture } from './fixture';
import { runBackfillGoOut } from './run-cli';
import { runN8nGoOutInto } from './run-n8n';
import { runZapierDestinationInChild } from './run-zapier';

/**
 * Small: every Zap run makes its own calls (about three), paced by the core at GetResponse's 10 and
 * SALESmanago's 2 calls a second (docs/salesmanago.md §9), while the CLI and n8n send batches.
 */
const PURCHASES = 100;
/** The SALESmanago Zapier runs: about 100 × 3 calls at 2 a second. */
const SALESMANAGO_ZAPIER_TIMEOUT_MS = 300_000;
const SALESMANAGO_KEY = 'cross-shell-salesmanago-key';

let fixture: Fixture;
beforeAll(async () => {
  fixture = await buildFixture(PURCHASES);
});

const emailOf = (purchase: Fixture['purchases'][number]) => normalizeEmail(purchase.buyer.email);
const buyers = () => new Set(fixture.purchases.map(emailOf));
const consenting = () => new Set(fixture.purchases.filter((purchase) => purchase.buyer.newsletterConsent).map(emailOf));
const sizes = (state: DestinationStateView) => [state.contacts.length, state.events.length];
/** The first contact and event that differ, so a failure names one row. */
const firstDifferences = (a: DestinationStateView, b: DestinationStateView) =>
  (['contacts', 'events'] as const).flatMap((part) => {
    const index = a[part].findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(b[part][i]));
    return index < 0 ? [] : [{ part, index, got: a[part][index], expected: b[part][index] }];
  });

function expectSameStates(states: Record<string, DestinationStateView>, reference: string): void {
  for (const shell of Object.keys(states).filter((name) => name !== reference)) {
    expect([shell, sizes(states[shell])]).toEqual([shell, sizes(states[reference])]);
    expect(firstDifferences(states[shell], states[reference])).toEqual([]);
    expect(states[shell]).toEqual(states[reference]);
  }
}

/** Runs one shell against a fresh sandbox and keeps what it left. */
async function inFresh<S extends { close(): Promise<void> }>(start: () => Promise<S>, task: (sandbox: S) => Promise<void>): Promise<void> {
  const sandbox = await start();
  try {
    await task(sandbox);
  } finally {
    await sandbox.close();
  }
}

it('has a fixture worth comparing: repeat buyers, refunds, buyers with and without consent', () => {
  expect(buyers().size).toBeLessThan(fixture.purchases.length);
  expect([fixture.purchases.some((p) => p.status === 'refunded'), fixture.purchases.some((p) => p.status === 'paid')]).toEqual([true, true]);
  expect([consenting().size > 0, consenting().size < buyers().size]).toEqual([true, true]);
});

describe('the same GoOut buyers leave the same GetResponse state from every shell', () => {
  const states: Record<string, DestinationStateView> = {};
  // New contacts are visible at once: a Zap's next run finds the buyer it just added, as it would a second later.
  const start = () => startGetResponseSandbox({ createDelayMs: 0 });

  it('n8n (the GetResponse node in n8n’s engine, one run per poll of 100)', async () => {
    await inFresh(start, async (gr) => {
      const node = {
        name: 'GetResponse',
        type: 'n8n-nodes-ecomail.getResponseBridge',
        parameters: { resource: 'contact', operation: 'upsert', campaign: { __rl: true, mode: 'id', value: gr.campaignIds[0] } },
        credentials: { getResponseBridgeApi: { id: 'cred-gr', name: 'GetResponse sandbox' } },
      };
      await runN8nGoOutInto(fixture, node, { getResponseBridgeApi: { apiKey: gr.apiKey, baseUrl: gr.apiUrl, domain: '' } });
      states.n8n = getResponseState(gr);
    });
  });

  it('Zapier (GetResponse app, Add GoOut Buyer in the app tester, in a process of its own)', async () => {
    await inFresh(start, async (gr) => {
      await runZapierDestinationInChild(fixture, { app: 'getresponse', authData: { apiKey: gr.apiKey, baseUrl: gr.apiUrl }, inputData: { campaignId: gr.campaignIds[0] } });
      states.zapier = getResponseState(gr);
    });
  });

  it('CLI (`backfill goout --to getresponse`)', async () => {
    await inFresh(start, async (gr: GetResponseSandbox) => {
      const run = await runBackfillGoOut(PURCHASES, ['--to', 'getresponse', '--campaign', gr.campaignIds[0]], { GETRESPONSE_API_KEY: gr.apiKey, GETRESPONSE_BASE_URL: gr.apiUrl });
      expect([run.code, run.stderr.includes('error')]).toEqual([0, false]);
      states.cli = getResponseState(gr);
    });
  });

  it('contacts, names, tags and fields are identical', () => {
    expectSameStates(states, 'n8n');
  });

  it('the state compared is the expected one: a contact per consenting buyer, with the GoOut tags', () => {
    const contacts = states.n8n.contacts;
    expect(contacts.map((contact) => contact.email)).toEqual([...consenting()].sort());
    expect(contacts.filter((contact) => !(contact.tags as string[]).includes('GoOut_newsletter')).map((contact) => contact.email)).toEqual([]);
  });
});

describe('the same GoOut buyers and purchases leave the same SALESmanago state from every shell', () => {
  const states: Record<string, DestinationStateView> = {};
  const start = () => startSalesManagoSandbox();
  it('n8n (the SALESmanago node in n8n’s engine, one run per poll of 100)', async () => {
    await inFresh(start, async (sm) => {
      const node = {
        name: 'SALESmanago',
        type: 'n8n-nodes-ecomail.salesManago',
        parameters: { resource: 'contact', operation: 'upsert' },
        credentials: { salesManagoApi: { id: 'cred-sm', name: 'SALESmanago sandbox' } },
      };
      const credentials = { baseUrl: sm.url, clientId: sm.account.clientId, apiKey: SALESMANAGO_KEY, apiSecret: sm.account.apiSecret, owner: sm.account.owner };
      await runN8nGoOutInto(fixture, node, { salesManagoApi: credentials });
      states.n8n = salesManagoState(sm);
    });
  });

  const authData = (sm: SalesManagoSandbox) => ({ endpoint: sm.url, clientId: sm.account.clientId, apiSecret: sm.account.apiSecret, apiKey: SALESMANAGO_KEY, owner: sm.account.owner });

  it('Zapier (SALESmanago app, Add GoOut Buyer in the app tester, in a process of its own)', async () => {
    await inFresh(start, async (sm) => {
      await runZapierDestinationInChild(fixture, { app: 'salesmanago', authData: authData(sm), inputData: {} });
      states.zapier = salesManagoState(sm);
    });
  }, SALESMANAGO_ZAPIER_TIMEOUT_MS);

  it('CLI (`backfill goout --to salesmanago`)', async () => {
    await inFresh(start, async (sm) => {
      const env = {
        SALESMANAGO_CLIENT_ID: sm.account.clientId,
        SALESMANAGO_API_KEY: SALESMANAGO_KEY,
        SALESMANAGO_API_SECRET: sm.account.apiSecret,
        SALESMANAGO_OWNER: sm.account.owner,
        SALESMANAGO_BASE_URL: sm.url,
      };
      const run = await runBackfillGoOut(PURCHASES, ['--to', 'salesmanago'], env);
      expect([run.code, run.stderr.includes('error')]).toEqual([0, false]);
      states.cli = salesManagoState(sm);
    });
  });

  it('contacts (tags, properties, consent) and external events are identical', () => {
    expectSameStates(states, 'n8n');
  });

  it('the state compared is the expected one: every buyer, opted in only with consent; an event per purchase', () => {
    const state = states.n8n;
    expect(state.contacts.map((contact) => [contact.email, contact.emailConsent])).toEqual(
      [...buyers()].sort().map((email) => [email, consenting().has(email) ? 'opted-in' : 'none']),
    );
    const expectedEvents = fixture.purchases.map((p) => [p.purchaseId, p.status === 'refunded' ? 'CANCELLATION' : 'PURCHASE', emailOf(p)]);
    expect(state.events.map((event) => [event.externalId, event.contactExtEventType, event.email]).sort()).toEqual(expectedEvents.sort());
  });
});
