import type { IDataObject } from 'n8n-workflow';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { startGoOutSandbox, type GoOutSandbox } from '../../test/sandbox/goout';
import {
	pollOnce,
	runWorkflow,
	type CredentialsByType,
	type WorkflowJson,
} from './harness/runWorkflow';
import fixture from './fixtures/goout-to-ecomail.workflow.json';

let ecomail: EcomailSandbox;
let goout: GoOutSandbox;
let credentials: CredentialsByType;

beforeEach(async () => {
	ecomail = await startEcomailSandbox();
	goout = await startGoOutSandbox();
	const pasted = goout.initialTokens();
	credentials = {
		ecomailApi: { apiKey: ecomail.apiKey, baseUrl: ecomail.url },
		// As a user saves it: the hidden access token is still empty.
		goOutApi: {
			accessToken: '',
			initialAccessToken: pasted.accessToken,
			refreshToken: pasted.refreshToken,
			baseUrl: goout.url,
		},
	};
});
afterEach(async () => {
	await Promise.all([ecomail.close(), goout.close()]);
});

function workflowWith(parameters: IDataObject): WorkflowJson {
	const workflow = structuredClone(fixture) as unknown as WorkflowJson;
	Object.assign(workflow.nodes[0].parameters, parameters);
	return workflow;
}

const ids = (items: Array<{ json: IDataObject }>) =>
	items.map((item) => item.json.purchaseId as string);


describe('GoOut Trigger → Ecomail', () => {
	it('backfills from "Include Purchases Since", then a second poll emits only new purchases', async () => {
		goout.seed(40, { sales: 2 });
		const workflow = workflowWith({ since: '2020-01-01T00:00:00Z' });

		const first = await pollOnce(workflow, 'GoOut Trigger', { credentials });
		// Every purchase of the organiser except those without an e-mail or already refunded (skipped by design).
		expect(ids(first.items).sort()).toEqual(goout.state.dataset().importablePurchases().map((p) => p.id).sort());
		// The credential's preAuthentication refreshed the pasted pair and n8n kept the result.
		expect(credentials.goOutApi.accessToken).toBe(goout.state.validTokens().accessToken);

		const run = await runWorkflow(workflow, {
			credentials,
			mode: 'trigger',
			startItems: first.items,
		});
		expect(run.nodes.Ecomail.error).toBeUndefined();
		expect(run.nodes.Ecomail.items?.every((item) => item.status === 'sent')).toBe(true);
		const buyer = first.items[0].json as { buyer: { email: string } };
		const sameBuyer = first.items.map((item) => item.json as { buyer: { email: string }; derivedTags: string[] }).filter((p) => p.buyer.email === buyer.buyer.email);
		expect(ecomail.state.contact(buyer.buyer.email)).toMatchObject({ source: 'GoOut' });
		expect(ecomail.state.contact(buyer.buyer.email)?.tags.sort()).toEqual([...new Set(sameBuyer.flatMap((p) => p.derivedTags))].sort());
		expect(ecomail.state.transactions()).toHaveLength(first.items.length);

		goout.addPurchases(3);
		const second = await pollOnce(workflow, 'GoOut Trigger', {
			credentials,
			staticData: first.staticData,
		});
		expect(second.items).toHaveLength(3);
		expect(ids(second.items).filter((id) => ids(first.items).includes(id))).toEqual([]);

		const third = await pollOnce(workflow, 'GoOut Trigger', {
			credentials,
			staticData: second.staticData,
		});
		expect(third.items).toHaveLength(0);
	});

	it('sends the orders of many purchases in bulk when asked to', async () => {
		goout.seed(40, { sales: 2 });
		const workflow = workflowWith({ since: '2020-01-01T00:00:00Z' });
		const ecomailNode = workflow.nodes.find((node) => node.name === 'Ecomail')!;
		ecomailNode.parameters.options = {
			...(ecomailNode.parameters.options as IDataObject),
			ordersInBulk: true,
		};

		const poll = await pollOnce(workflow, 'GoOut Trigger', { credentials });
		const run = await runWorkflow(workflow, {
			credentials,
			mode: 'trigger',
			startItems: poll.items,
		});
		expect(run.nodes.Ecomail.items?.every((item) => item.status === 'sent')).toBe(true);
		expect(ecomail.state.transactions()).toHaveLength(poll.items.length);
		const orderCalls = ecomail.state
			.calls()
			.filter((call) => call.path.startsWith('/tracker/transaction'));
		expect(orderCalls.map((call) => call.path)).toEqual(['/tracker/transaction-bulk']);
	});

	it('does not flood on first activation; purchases made afterwards are emitted', async () => {
		// Purchases every 5 minutes: 20 before now, the 3 added later after now.
		goout.seed(20, { sales: 1, startDate: new Date(Date.now() - 97.5 * 60_000).toISOString() });
		const workflow = workflowWith({});

		const first = await pollOnce(workflow, 'GoOut Trigger', { credentials });
		expect(first.items).toHaveLength(0);

		goout.addPurchases(3);
		const second = await pollOnce(workflow, 'GoOut Trigger', {
			credentials,
			staticData: first.staticData,
		});
		expect(second.items).toHaveLength(3);
	});

	it('returns one sample purchase in manual mode without moving the cursor', async () => {
		goout.seed(10, { sales: 1 });
		const run = await runWorkflow(workflowWith({}), { credentials, mode: 'manual' });
		expect(run.nodes['GoOut Trigger'].items).toHaveLength(1);
		expect(run.nodes['GoOut Trigger'].items?.[0]).toMatchObject({ source: 'goout' });
		expect(run.staticData).toEqual({});
	});

	it('refreshes an expired access token through the credential and keeps polling', async () => {
		goout.seed(10, { sales: 1 });
		const workflow = workflowWith({ since: '2020-01-01T00:00:00Z' });
		const first = await pollOnce(workflow, 'GoOut Trigger', { credentials });
		const before = credentials.goOutApi.accessToken;

		goout.state.expireAccessTokens();
		goout.addPurchases(1);
		const second = await pollOnce(workflow, 'GoOut Trigger', {
			credentials,
			staticData: first.staticData,
		});

		expect(second.items).toHaveLength(1);
		expect(credentials.goOutApi.accessToken).not.toBe(before);
		expect(credentials.goOutApi.refreshToken).toBe(goout.state.validTokens().refreshToken);
	});

	it('two polls that refresh from one stored pair both go on: the loser takes the pair the winner saved', async () => {
		goout.seed(10, { sales: 1 });
		const workflow = workflowWith({ since: '2020-01-01T00:00:00Z' });
		const first = await pollOnce(workflow, 'GoOut Trigger', { credentials });

		goout.state.expireAccessTokens();
		goout.state.clearRequests();
		const [purchase] = goout.addPurchases(1);
		// Two triggers (two workflows) on one credential, polling at the same moment.
		const other = structuredClone(workflow);
		other.nodes[0].id = `${workflow.nodes[0].id}-other`;
		const polls = await Promise.all(
			[workflow, other].map(
				async (trigger) =>
					await pollOnce(trigger, 'GoOut Trigger', {
						credentials,
						staticData: structuredClone(first.staticData),
					}),
			),
		);

		expect(polls.map((poll) => ids(poll.items))).toEqual([[purchase], [purchase]]);
		// One refresh won; the other was refused with both variants, then carried on.
		const refreshes = goout.state
			.requests()
			.filter((request) => request.path === '/services/user/v3/refresh-tokens')
			.map((request) => request.status);
		expect(refreshes.sort()).toEqual([200, 401, 401]);
		expect(credentials.goOutApi.refreshToken).toBe(goout.state.validTokens().refreshToken);
	});

	it('skips a tick while the same trigger\'s previous poll still runs: no purchase is emitted twice', async () => {
		goout.seed(10, { sales: 1 });
		const workflow = workflowWith({ since: '2020-01-01T00:00:00Z' });
		const first = await pollOnce(workflow, 'GoOut Trigger', { credentials });
		const [purchase] = goout.addPurchases(1);
		// n8n's scheduler starts the next poll whether or not the last has finished; both see one cursor.
		const staticData = structuredClone(first.staticData);
		const polls = await Promise.all(
			[0, 1].map(async () => await pollOnce(workflow, 'GoOut Trigger', { credentials, staticData })),
		);
		expect(polls.map((poll) => ids(poll.items))).toEqual([[purchase], []]);
	});
});
