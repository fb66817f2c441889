import type { INodeParameters } from 'n8n-workflow';
import {
	GETRESPONSE_ACCESS_REFUSED,
	GETRESPONSE_KEY_REJECTED,
	GETRESPONSE_ORDERS_NOT_KEPT,
	NO_CONSENT_REASON,
	NOT_IN_LIST_REASON,
} from '@ecomail-bridge/shared';
import { startGetResponseSandbox, type GetResponseSandbox } from '../../test/sandbox/getresponse';
import { ellity, purchase } from '../../test/jobs/fixtures';
import { destinationWorkflow, items } from './harness/destinationWorkflow';
import { loadOptionsOf } from './harness/loadOptions';
import { runWorkflow } from './harness/runWorkflow';
import { testCredential } from './harness/testCredential';

let sandbox: GetResponseSandbox;
let campaign: string;

beforeAll(async () => {
	// Created contacts show at once, so a test need not wait for GetResponse's queue.
	sandbox = await startGetResponseSandbox({ createDelayMs: 0 });
	campaign = sandbox.campaignIds[0];
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.state.reset());

const credentials = (apiKey = sandbox.apiKey) => ({
	getResponseBridgeApi: { apiKey, baseUrl: sandbox.apiUrl, domain: '' },
});

function workflow(source: 'gooutPurchase' | 'ellityEvent' | 'fields', parameters: INodeParameters, continueOnFail = false) {
	return destinationWorkflow(source, {
		name: 'GetResponse',
		type: 'n8n-nodes-ecomail.getResponseBridge',
		parameters: {
			resource: 'contact',
			operation: 'upsert',
			campaign: { __rl: true, mode: 'id', value: campaign },
			...parameters,
		},
		credentials: { getResponseBridgeApi: { id: 'cred-gr', name: 'GetResponse sandbox' } },
		continueOnFail,
	});
}

const view = (email: string) => {
	const contact = sandbox.state.contact(email, campaign);
	return contact && { name: contact.name, tags: contact.tags, fields: contact.fields, dayOfCycle: contact.dayOfCycle };
};

describe('GetResponse node, Contact → Create or Update', () => {
	it('GoOut purchases: buyers merged in one job call, only consenting ones created, tags and fields by name, no orders', async () => {
		const run = await runWorkflow(
			workflow('gooutPurchase', { tags: ['n8n import'], options: { eventFields: true } }),
			{
				credentials: credentials(),
				mode: 'trigger',
				startItems: items([
					purchase('p1', 'petr@example.cz', 'činohra', false),
					purchase('p2', 'Petr@example.cz', 'hudba a tanec', true),
					purchase('p3', 'eva@example.cz', 'drama', false),
				]),
			},
		);

		expect(run.nodes.GetResponse.error).toBeUndefined();
		expect(run.nodes.GetResponse.items).toEqual([
			{ email: 'petr@example.cz', campaignId: campaign, status: 'sent', order: 'skipped', orderReason: GETRESPONSE_ORDERS_NOT_KEPT },
			{ email: 'petr@example.cz', campaignId: campaign, status: 'sent', mergedWithItem: 0, order: 'skipped', orderReason: GETRESPONSE_ORDERS_NOT_KEPT },
			{ email: 'eva@example.cz', campaignId: campaign, status: 'skipped', reason: NO_CONSENT_REASON },
		]);
		expect(sandbox.state.contacts().map((contact) => contact.email)).toEqual(['petr@example.cz']);
		expect(view('petr@example.cz')).toEqual({
			name: 'Petr Novák',
			tags: ['GoOut', 'GoOut_cs', 'cinohra', 'n8n_import', 'GoOut_newsletter', 'hudba_a_tanec'],
			fields: {
				vokativ: ['Petře'],
				vokativ_s: ['Nováku'],
				gender: ['male'],
				nameday: ['06-29'],
				country: ['CZ'],
				source: ['GoOut'],
				goout_last_event: ['Show hudba a tanec'],
				goout_last_event_start: ['2026-06-20 19:30'],
			},
			// Start Automations is off: nobody enters the autoresponder cycle.
			dayOfCycle: null,
		});
	});

	it('Fields Below: contact fields and custom fields by name, a bad row failed on its own item with continue on fail', async () => {
		const parameters: INodeParameters = {
			email: '={{ $json.email }}',
			contactFields: { name: '={{ $json.name }}', city: 'Brno', zip: '602 00' },
			tags: ['VIP'],
			customFields: { mappingMode: 'defineBelow', value: { loyalty_tier: '={{ $json.tier }}' } },
			options: { triggerAutomations: true },
		};
		const run = await runWorkflow(workflow('fields', parameters, true), {
			credentials: credentials(),
			startItems: items([
				{ email: 'Jana@Example.cz', name: 'jana nováková', tier: 'gold' },
				{ email: 'not-an-email', name: 'Broken', tier: 'x' },
			]),
		});

		expect(run.nodes.GetResponse.items).toEqual([
			{ email: 'jana@example.cz', campaignId: campaign, status: 'sent' },
			{ status: 'failed', error: '[item 1] GetResponse did not take not-an-email: "not-an-email" is not a valid e-mail address' },
		]);
		expect(view('jana@example.cz')).toEqual({
			name: 'Jana Nováková',
			tags: ['VIP'],
			fields: {
				vokativ: ['Jano'],
				vokativ_s: ['Nováková'],
				gender: ['female'],
				nameday: ['05-24'],
				city: ['Brno'],
				postal_code: ['602 00'],
				loyalty_tier: ['gold'],
			},
			dayOfCycle: '0',
		});
	});

	it('stops with "[item N]" and the key message when continue on fail is off and the key is refused', async () => {
		const run = await runWorkflow(workflow('fields', { email: '={{ $json.email }}' }), {
			credentials: credentials('revoked-key'),
			startItems: items([{ email: 'jana@example.cz' }]),
		});
		expect(run.nodes.GetResponse.error).toBe(`[item 0] ${GETRESPONSE_KEY_REJECTED}`);
		expect(sandbox.state.contacts()).toEqual([]);
	});

	it('an Ellity batch: ellity_* fields of the campaign’s contacts updated, a stranger skipped, nobody created', async () => {
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

		expect((run.nodes.GetResponse.items ?? []).map((item) => [item.email, item.status, item.event ?? item.reason])).toEqual([
			['jana@example.cz', 'sent', 'credit'],
			['petr@example.cz', 'sent', 'credit'],
			['nobody@example.cz', 'skipped', NOT_IN_LIST_REASON],
		]);
		expect(sandbox.state.contacts().map((contact) => contact.email)).toEqual(['jana@example.cz', 'petr@example.cz']);
		expect(view('jana@example.cz')?.fields.ellity_credit).toEqual(['1250']);
		expect(view('petr@example.cz')?.fields.ellity_credit).toEqual(['80']);
	});
});

describe('GetResponse credential and dropdowns', () => {
	it('the credential test passes with the key and fails with the key message without it', async () => {
		expect(await testCredential('getResponseBridgeApi', credentials().getResponseBridgeApi)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(await testCredential('getResponseBridgeApi', credentials('revoked-key').getResponseBridgeApi)).toEqual({
			status: 'Error',
			message: GETRESPONSE_KEY_REJECTED,
		});
	});

	it('sends X-Domain only when a MAX domain is set, as the bare domain however it was pasted', async () => {
		const max = await startGetResponseSandbox({ enterpriseDomain: 'example.com' });
		try {
			const data = (domain: string) => ({ apiKey: max.apiKey, baseUrl: max.apiUrl, domain });
			expect(await testCredential('getResponseBridgeApi', data('https://www.Example.com/'))).toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect((await testCredential('getResponseBridgeApi', data(''))).status).toBe('Error');
			// n8n repeats a request answered 401 once (docs/n8n-platform.md §6.3).
			expect(max.state.calls().map((call) => call.domain ?? null)).toEqual(['example.com', null, null]);
		} finally {
			await max.close();
		}
		// The ordinary account refuses a domain it was sent.
		const withDomain = { ...credentials().getResponseBridgeApi, domain: 'example.com' };
		expect(await testCredential('getResponseBridgeApi', withDomain)).toEqual({
			status: 'Error',
			message: GETRESPONSE_ACCESS_REFUSED,
		});
	});

	it('lists the campaigns for the locator, filtered by name, and the account’s own custom fields for the mapper', async () => {
		const node = workflow('fields', {}).nodes[1];
		const { context, methods } = await loadOptionsOf(node, credentials());
		expect(await methods.listSearch!.searchCampaigns.call(context)).toEqual({
			results: [
				{ name: 'goout_buyers', value: sandbox.campaignIds[0] },
				{ name: 'newsletter', value: sandbox.campaignIds[1] },
			],
		});
		expect(await methods.listSearch!.searchCampaigns.call(context, 'NEWS')).toEqual({
			results: [{ name: 'newsletter', value: sandbox.campaignIds[1] }],
		});
		// The sandbox's predefined fields are all contact fields of the node, so none is offered twice.
		expect((await methods.resourceMapping!.getCustomFields.call(context)).fields).toEqual([]);
	});
});
