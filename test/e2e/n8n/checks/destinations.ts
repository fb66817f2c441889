/**
 * (k) GetResponse and SALESmanago in a real n8n: each published workflow backfills the GoOut purchases of its
 * own token pair at activation ("Include Purchases Since") into its destination, whose sandbox
 * must then hold exactly the buyers and events the purchases call for; and each destination
 * credential is tested through n8n's REST API, good and refused.
 */
import { GETRESPONSE_KEY_REJECTED, SALESMANAGO_CREDENTIALS_REFUSED } from '@ecomail-bridge/shared';
import type { GoOutSandbox } from '../../../sandbox/goout';
import type { E2eContext } from '../context';
import { CREDENTIAL_IDS, destinationCredentials, WORKFLOW_IDS } from '../fixtures';
import { RestSession } from '../rest-session';
import { waitFor } from '../wait-for';
import { expectEqual, expectTrue } from './expect';

/** Purchases of the GoOut account both destination workflows read: one sale, all in the past. */
export const DESTINATION_PURCHASES = 12;

export function seedDestinationGoOut(goout: GoOutSandbox): void {
  goout.seed(DESTINATION_PURCHASES, { sales: 1, foreignSales: 0, startDate: new Date(Date.now() - 86_400_000).toISOString() });
}

/** The buyers of the importable purchases, each with whether any of their purchases gave consent. */
function buyers(goout: GoOutSandbox): Map<string, boolean> {
  const consent = new Map<string, boolean>();
  for (const purchase of goout.state.dataset().importablePurchases()) {
    const email = purchase.email.trim().toLowerCase();
    consent.set(email, (consent.get(email) ?? false) || purchase.consent);
  }
  return consent;
}

const sorted = (values: Iterable<string>) => [...values].sort();

async function finishedRun(context: E2eContext, workflowId: string): Promise<string> {
  const runs = await waitFor(
    async () => {
      const rows = await context.db.executions(workflowId);
      return rows.length > 0 && rows.every((row) => row.status !== 'running' && row.status !== 'new') ? rows : undefined;
    },
    { timeoutMs: 60_000, what: `the execution of ${workflowId} to be recorded as finished` },
  );
  expectEqual(runs.map((run) => run.status), ['success'], `executions of ${workflowId}`);
  return `${runs.length} execution`;
}

/** GetResponse creates only buyers who consented: every contact of a list is its subscriber. */
export async function checkGoOutToGetResponse(context: E2eContext): Promise<string> {
  const { getresponse, gooutDestinations } = context;
  const campaign = getresponse.campaignIds[0];
  const expected = sorted([...buyers(gooutDestinations)].filter(([, consent]) => consent).map(([email]) => email));
  expectTrue(expected.length > 0 && expected.length < buyers(gooutDestinations).size, 'the seeded buyers include some with and some without consent');
  const run = await finishedRun(context, WORKFLOW_IDS.gooutToGetResponse);
  // A created contact shows in GetResponse only once its queue is processed.
  getresponse.state.flush();
  const contacts = getresponse.state.contacts();
  expectEqual(sorted(contacts.map((c) => c.email)), expected, 'GetResponse contacts: exactly the consenting buyers');
  for (const contact of contacts) {
    expectEqual(contact.campaignId, campaign, `campaign of ${contact.email}`);
    expectEqual(contact.fields.source, ['GoOut'], `source field of ${contact.email}`);
    expectTrue(contact.tags.includes('GoOut') && contact.tags.includes('GoOut_newsletter'), `${contact.email} has GoOut and GoOut_newsletter (tags: ${contact.tags.join(', ')})`);
    expectTrue(Boolean(contact.fields.goout_last_event?.[0]), `${contact.email} has goout_last_event`);
  }
  return `${run}; ${contacts.length} consenting buyers of ${buyers(gooutDestinations).size} in campaign ${campaign}`;
}

/** SALESmanago takes every buyer, opted in only with consent, and each purchase as a PURCHASE event. */
export async function checkGoOutToSalesManago(context: E2eContext): Promise<string> {
  const { salesmanago, gooutDestinations } = context;
  const expected = buyers(gooutDestinations);
  const run = await finishedRun(context, WORKFLOW_IDS.gooutToSalesManago);
  const contacts = salesmanago.state.contacts();
  expectEqual(
    contacts.map((c) => [c.email, c.emailConsent]).sort(([a], [b]) => a.localeCompare(b)),
    sorted(expected.keys()).map((email) => [email, expected.get(email) ? 'opted-in' : 'none']),
    'SALESmanago contacts and their e-mail consent',
  );
  expectTrue(contacts.every((c) => c.tags.includes('GOOUT') && c.properties.source === 'GoOut'), 'every SALESmanago contact has the tag GOOUT and source GoOut');
  const purchases = gooutDestinations.state.dataset().importablePurchases();
  expectEqual(
    sorted(salesmanago.state.events().map((e) => `${e.contactExtEventType} ${e.externalId} ${e.location}`)),
    sorted(purchases.map((p) => `PURCHASE ${p.id} goout`)),
    'SALESmanago events: one PURCHASE per purchase, location goout',
  );
  return `${run}; ${contacts.length} buyers, ${purchases.length} PURCHASE events`;
}

/** The editor's "test credential": a saved good credential passes, a refused one fails with our message. */
export async function checkDestinationCredentials(context: E2eContext): Promise<string> {
  const session = await RestSession.login(context.n8n.baseUrl);
  const byId = new Map(destinationCredentials(context).map((credential) => [credential.id, credential]));
  const test = async (id: string) => session.testCredential(byId.get(id)!);
  expectEqual(await test(CREDENTIAL_IDS.getResponse), { status: 'OK', message: 'Connection successful!' }, 'GetResponse credential test');
  expectEqual(await test(CREDENTIAL_IDS.getResponseWrongKey), { status: 'Error', message: GETRESPONSE_KEY_REJECTED }, 'GetResponse credential test with a revoked key');
  expectEqual(await test(CREDENTIAL_IDS.salesManago), { status: 'OK', message: 'Connection successful!' }, 'SALESmanago credential test');
  expectEqual(
    await test(CREDENTIAL_IDS.salesManagoWrongSecret),
    { status: 'Error', message: SALESMANAGO_CREDENTIALS_REFUSED },
    'SALESmanago credential test with a wrong secret',
  );
  return '4 credential tests through POST /rest/credentials/test: both good ones passed, the revoked key and the wrong secret refused with their message';
}
