import { randomBytes } from 'node:crypto';
import type { INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';
import { SALESMANAGO_CREDENTIALS_REFUSED, SALESMANAGO_NOT_FOUND_REASON } from '@ecomail-bridge/shared';
import { startSalesManagoSandbox, type SalesManagoSandbox } from '../../test/sandbox/salesmanago';
import { ellity, purchase } from '../../test/jobs/fixtures';
import { destinationWorkflow, items } from './harness/destinationWorkflow';
import { loadPackage, runWorkflow } from './harness/runWorkflow';
import { webhookContext } from './harness/webhookContext';
import { testCredential } from './harness/testCredential';

/** What a user chose as the credential's API key (SALESmanago issues none). */
const CHOSEN_BY_USER = 'n8n-test-5d1e9a';
let sandbox: SalesManagoSandbox;

beforeAll(async () => {
	sandbox = await startSalesManagoSandbox();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.state.reset());

const credentials = (apiSecret = sandbox.account.apiSecret) => ({
	salesManagoApi: {
		// As users paste it from Integration Center → API.
		baseUrl: `${sandbox.url}/api/`,
		clientId: sandbox.account.clientId,
		apiKey: CHOSEN_BY_USER,
		apiSecret,
		owner: sandbox.account.owner,
	},
});

function workflow(
	source: 'gooutPurchase' | 'ellityEvent' | 'fields',
	parameters: INodeParameters,
	continueOnFail = false,
) {
	return destinationWorkflow(source, {
		name: 'SALESmanago',
		type: 'n8n-nodes-ecomail.salesManago',
		parameters: { resource: 'contact', operation: 'upsert', ...parameters },
		credentials: { salesManagoApi: { id: 'cred-sm', name: 'SALESmanago sandbox' } },
		continueOnFail,
	});
}

const paths = () => sandbox.state.calls().map((call) => call.path);
const contactView = () =>
	sandbox.state.contacts().map((c) => [c.email, c.name, c.tags, c.emailConsent, c.properties]);

describe('SALESmanago node, Contact → Create or Update', () => {
	it('GoOut purchases: buyers in one package, opt-in only with consent, purchases and a refund as events in one call', async () => {
		const run = await runWorkflow(workflow('gooutPurchase', { tags: ['n8n import'], options: { shop: 'goout' } }), {
			credentials: credentials(),
			mode: 'trigger',
			startItems: items([
				purchase('p1', 'petr@example.cz', 'drama', false),
				purchase('p2', 'Petr@example.cz', 'hudba a tanec', true),
				purchase('p3', 'eva@example.cz', 'drama', false),
				purchase('p1', 'petr@example.cz', 'drama', false, 'refunded'),
			]),
		});

		expect(run.nodes.SALESmanago.error).toBeUndefined();
		expect(run.nodes.SALESmanago.items).toEqual([
			{ email: 'petr@example.cz', status: 'sent', order: 'sent' },
			{ email: 'petr@example.cz', status: 'sent', mergedWithItem: 0, order: 'sent' },
			{ email: 'eva@example.cz', status: 'sent', order: 'sent' },
			{ email: 'petr@example.cz', status: 'sent', mergedWithItem: 0, order: 'sent' },
		]);
		const goOutProperties = { vokativ: 'Petře', vokativ_s: 'Nováku', gender: 'male', nameday: '06-29', source: 'GoOut' };
		expect(contactView()).toEqual([
			['petr@example.cz', 'Petr Novák', ['GOOUT', 'GOOUT_CS', 'DRAMA', 'N8N_IMPORT', 'GOOUT_NEWSLETTER', 'HUDBA_A_TANEC'], 'opted-in', goOutProperties],
			['eva@example.cz', 'Petr Novák', ['GOOUT', 'GOOUT_CS', 'DRAMA', 'N8N_IMPORT'], 'none', goOutProperties],
		]);
		expect(sandbox.state.events().map((e) => [e.email, e.contactExtEventType, e.externalId, e.value, e.location])).toEqual([
			['petr@example.cz', 'PURCHASE', 'p1', 390, 'goout'],
			['petr@example.cz', 'PURCHASE', 'p2', 390, 'goout'],
			['eva@example.cz', 'PURCHASE', 'p3', 390, 'goout'],
			['petr@example.cz', 'CANCELLATION', 'p1', 390, 'goout'],
		]);
		expect(paths()).toEqual(['/api/contact/list', '/api/contact/batchupsertv2', '/api/contact/batchAddContactExtEvent']);
	});

	it('Fields Below: address, birthday and properties; a bad row failed on its own item with continue on fail', async () => {
		const parameters: INodeParameters = {
			email: '={{ $json.email }}',
			contactFields: { name: '={{ $json.name }}', city: 'Brno', zip: '602 00', birthday: '1990-01-31' },
			tags: ['VIP'],
			properties: { property: [{ name: 'loyalty_tier', value: '={{ $json.tier }}' }, { name: 'empty', value: '' }] },
		};
		const run = await runWorkflow(workflow('fields', parameters, true), {
			credentials: credentials(),
			startItems: items([
				{ email: 'Jana@Example.cz', name: 'jana nováková', tier: 'gold' },
				{ email: 'not-an-email', name: 'Broken', tier: 'x' },
			]),
		});

		expect(run.nodes.SALESmanago.items).toEqual([
			{ email: 'jana@example.cz', status: 'sent' },
			{ status: 'failed', error: '[item 1] SALESmanago did not take not-an-email: "not-an-email" is not a valid e-mail address' },
		]);
		expect(sandbox.state.contact('jana@example.cz')).toMatchObject({
			name: 'Jana Nováková',
			address: { city: 'Brno', zipCode: '602 00' },
			birthday: '19900131',
			tags: ['VIP'],
			// Typed contacts come with the user's word for their consent.
			emailConsent: 'opted-in',
			properties: { vokativ: 'Jano', vokativ_s: 'Nováková', gender: 'female', nameday: '05-24', loyalty_tier: 'gold' },
		});
		expect(sandbox.state.contacts()).toHaveLength(1);
	});

	it('a refused secret stops the node with "[item N]" and the credential message; nothing is written', async () => {
		const run = await runWorkflow(workflow('fields', { email: '={{ $json.email }}' }), {
			credentials: credentials('wrong-secret'),
			startItems: items([{ email: 'jana@example.cz' }]),
		});
		expect(run.nodes.SALESmanago.error).toBe(`[item 0] ${SALESMANAGO_CREDENTIALS_REFUSED} (User not authenticated)`);
		expect(sandbox.state.contacts()).toEqual([]);
	});

	it('an Ellity batch: properties of existing contacts, an OTHER event each, a stranger skipped', async () => {
		await runWorkflow(workflow('fields', { email: '={{ $json.email }}' }), {
			credentials: credentials(),
			startItems: items([{ email: 'jana@example.cz' }, { email: 'petr@example.cz' }]),
		});
		const run = await runWorkflow(workflow('ellityEvent', {}), {
			credentials: credentials(),
			mode: 'webhook',
			startItems: items([
				ellity('jana@example.cz', '1 250'),
				ellity('petr@example.cz', '80'),
				ellity('nobody@example.cz', '10'),
			]),
		});

		expect((run.nodes.SALESmanago.items ?? []).map((item) => [item.email, item.status, item.event ?? item.reason])).toEqual([
			['jana@example.cz', 'sent', 'credit'],
			['petr@example.cz', 'sent', 'credit'],
			['nobody@example.cz', 'skipped', SALESMANAGO_NOT_FOUND_REASON],
		]);
		expect(sandbox.state.contacts().map((c) => [c.email, c.properties.ellity_credit])).toEqual([
			['jana@example.cz', '1250'],
			['petr@example.cz', '80'],
		]);
		expect(sandbox.state.events().map((e) => [e.email, e.contactExtEventType, e.description, e.details])).toEqual([
			['jana@example.cz', 'OTHER', 'ellity:change:credit', { detail1: 'credit=1250', detail2: 'delta=10' }],
			['petr@example.cz', 'OTHER', 'ellity:change:credit', { detail1: 'credit=80', detail2: 'delta=10' }],
		]);
	});
});

/**
 * A webhook delivered to two n8n processes (queue mode) is emitted by both triggers, each with its
 * own memory; the SALESmanago node writes it once, as the Ecomail node does (docs/n8n-platform.md
 * §11.6). The processes are two trigger node ids; the deduplication store is the runner's.
 */
describe('SALESmanago node, a delivery that reached two n8n processes', () => {
	const secret = randomBytes(24).toString('hex');
	async function receive(processId: string): Promise<INodeExecutionData[]> {
		const call = webhookContext({
			body: JSON.stringify({
				schema: 'ellity-webhook/1',
				trigger: 'credit_changed',
				customer: { email: 'twice@example.cz', credit: '250' },
				creditChange: { value: '10' },
			}),
			query: { key: secret },
			parameters: { events: ['credit_changed'], dedupeSeconds: 60 },
			credentials: { ellityWebhookApi: { secret } },
			nodeId: processId,
		});
		const trigger = (await loadPackage()).getNode('ellityTrigger').type as INodeType;
		return (await trigger.webhook!.call(call.context)).workflowData![0];
	}

	it('writes its properties and its event once; the second execution ends at the node', async () => {
		await runWorkflow(workflow('fields', { email: '={{ $json.email }}' }), {
			credentials: credentials(),
			startItems: items([{ email: 'twice@example.cz' }]),
		});
		const deliveries = [await receive('main-process'), await receive('webhook-process')];
		const runs = [];
		for (const startItems of deliveries) {
			runs.push(await runWorkflow(workflow('ellityEvent', {}), { credentials: credentials(), mode: 'webhook', startItems }));
		}
		expect(runs.map((run) => run.nodes.SALESmanago.items?.map((item) => item.status))).toEqual([['sent'], []]);
		expect(sandbox.state.events().map((e) => [e.email, e.contactExtEventType])).toEqual([['twice@example.cz', 'OTHER']]);
	});
});

describe('SALESmanago node, External Event → Create or Update', () => {
	it('adds a CART event, then updates it through its event ID; a stranger’s event fails on its own item', async () => {
		await runWorkflow(workflow('fields', { email: '={{ $json.email }}' }), {
			credentials: credentials(),
			startItems: items([{ email: 'jana@example.cz' }]),
		});
		const eventWorkflow = (eventId: string) =>
			destinationWorkflow('fields', {
				name: 'SALESmanago',
				type: 'n8n-nodes-ecomail.salesManago',
				parameters: {
					resource: 'event',
					operation: 'upsert',
					email: '={{ $json.email }}',
					type: 'CART',
					additionalFields: {
						date: '2026-06-14T18:02:11+02:00',
						value: '={{ $json.total }}',
						products: 'P-1, P-2',
						details: ['Sukienka', 'Pasek'],
						...(eventId ? { eventId } : {}),
					},
				},
				credentials: { salesManagoApi: { id: 'cred-sm', name: 'SALESmanago sandbox' } },
				continueOnFail: true,
			});

		const added = await runWorkflow(eventWorkflow(''), {
			credentials: credentials(),
			startItems: items([{ email: 'Jana@example.cz', total: 1290.5 }, { email: 'nobody@example.cz', total: 1 }]),
		});
		const [first, stranger] = added.nodes.SALESmanago.items ?? [];
		expect(first).toEqual({ email: 'jana@example.cz', type: 'CART', eventId: sandbox.state.events()[0].eventId });
		expect(stranger).toEqual({
			status: 'failed',
			error: '[item 1] SALESmanago refused /api/v2/contact/addContactExtEvent: Contact nobody@example.cz not found',
		});

		await runWorkflow(eventWorkflow(String(first.eventId)), {
			credentials: credentials(),
			startItems: items([{ email: 'jana@example.cz', total: 1400 }]),
		});
		expect(sandbox.state.events().map((e) => [e.email, e.contactExtEventType, e.value, e.products, e.details, e.date, e.updates])).toEqual([
			['jana@example.cz', 'CART', 1400, 'P-1,P-2', { detail1: 'Sukienka', detail2: 'Pasek' }, Date.parse('2026-06-14T18:02:11+02:00'), 1],
		]);
	});
});

describe('SALESmanago credential', () => {
	it('the test signs its call: passes with the secret, fails with the credential message without it', async () => {
		expect(await testCredential('salesManagoApi', credentials().salesManagoApi)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const refused = await testCredential('salesManagoApi', credentials('wrong-secret').salesManagoApi);
		expect(refused).toEqual({ status: 'Error', message: SALESMANAGO_CREDENTIALS_REFUSED });
		expect(paths()).toEqual(['/api/contact/hasContact', '/api/contact/hasContact']);
	});
});
