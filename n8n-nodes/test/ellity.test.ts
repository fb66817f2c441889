import { randomBytes } from 'node:crypto';
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { loadPackage, runWorkflow, type WorkflowJson } from './harness/runWorkflow';
import { webhookContext } from './harness/webhookContext';
import fixture from './fixtures/ellity-to-ecomail.workflow.json';

/** A fresh random secret per run, as a user would generate one. */
const SECRET = randomBytes(24).toString('hex');
let ecomail: EcomailSandbox;

beforeAll(async () => {
	ecomail = await startEcomailSandbox();
});
afterAll(async () => {
	await ecomail.close();
});

/** The Ellity Trigger as n8n loaded it. */
async function ellityTrigger(): Promise<INodeType> {
	return (await loadPackage()).getNode('ellityTrigger').type as INodeType;
}

/** Posts one Ellity body through the trigger and runs the example workflow with its output. */
async function deliver(email: string) {
	const call = webhookContext({
		body: JSON.stringify({
			schema: 'ellity-webhook/1',
			trigger: 'credit_changed',
			eshopId: '456',
			customer: { id: '123', email, credit: '1 250', groupId: '', tierId: '2', tierName: 'Gold' },
			creditChange: { value: '50' },
		}),
		query: { key: SECRET },
		parameters: fixture.nodes[0].parameters,
		credentials: { ellityWebhookApi: { secret: SECRET } },
	});
	const received = await (await ellityTrigger()).webhook!.call(call.context);
	expect(received.webhookResponse).toEqual({ status: 'ok' });
	return runWorkflow(fixture as unknown as WorkflowJson, {
		credentials: { ecomailApi: { apiKey: ecomail.apiKey, baseUrl: ecomail.url } },
		mode: 'webhook',
		startItems: received.workflowData![0],
	});
}

describe('Ellity webhook → Ecomail fields + event', () => {
	it('writes the ellity_* fields of a list member, then tracks the ellity/change/credit event', async () => {
		await fetch(`${ecomail.url}/lists/1/subscribe`, {
			method: 'POST',
			headers: { key: ecomail.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ subscriber_data: { email: 'jana@example.cz', name: 'Jana' } }),
		});
		const before = ecomail.state.calls().length;
		const run = await deliver('Jana@Example.cz');

		expect(run.nodes.Ecomail.error).toBeUndefined();
		expect(
			(run.nodes.Ecomail.items ?? []).map((item) => [item.email, item.status, item.event]),
		).toEqual([['jana@example.cz', 'sent', 'credit']]);
		expect(ecomail.state.contact('jana@example.cz')?.lists['1'].c_fields).toEqual({
			ellity_credit: '1250',
			ellity_credit_num: 1250,
			ellity_last_change_date: expect.objectContaining({ type: 'date' }),
			ellity_last_change_value: '50',
			ellity_tier_id: '2',
			ellity_tier_name: 'Gold',
		});
		expect(ecomail.state.events().map((e) => [e.email, e.category, e.action, e.label])).toEqual([
			['jana@example.cz', 'ellity', 'change', 'credit'],
		]);
		// Fields first, event second: e-mails read the fields (docs/ellity.md §3).
		expect(
			ecomail.state
				.calls()
				.slice(before)
				.map((c) => `${c.method} ${c.path}`),
		).toEqual([
			'GET /lists/1/subscriber/jana%40example.cz',
			'PUT /lists/1/update-subscriber',
			'POST /tracker/events',
		]);
	});

	it('never subscribes a customer who is not in the list', async () => {
		const run = await deliver('stranger@example.cz');
		expect(
			(run.nodes.Ecomail.items ?? []).map((item) => [item.email, item.status, item.reason]),
		).toEqual([
			['stranger@example.cz', 'skipped', 'not in the list (import mode: only update existing)'],
		]);
		expect(ecomail.state.contact('stranger@example.cz') ?? null).toBeNull();
		expect(ecomail.state.events().map((e) => e.email)).toEqual(['jana@example.cz']);
	});
});

/**
 * A webhook delivered twice to two n8n processes (queue mode: main and webhook process) is emitted
 * by both, since each remembers only its own calls; the Ecomail node then writes it once
 * (docs/n8n-platform.md §11.6). The processes are stood in for by two trigger memories (two node
 * ids); n8n's deduplication store is the runner's in-memory one, shared like n8n's database.
 */

const ellityBody = (email: string, credit: number) =>
	JSON.stringify({
		schema: 'ellity-webhook/1',
		trigger: 'credit_changed',
		eshopId: '456',
		customer: { id: '1', email, credit: String(credit) },
		creditChange: { value: '10' },
	});

/** The Ellity Trigger's webhook() in the n8n process `processId` (its own memory of recent calls). */
async function receive(body: string, processId: string): Promise<INodeExecutionData[] | undefined> {
	const call = webhookContext({
		body,
		query: { key: SECRET },
		parameters: fixture.nodes[0].parameters,
		credentials: { ellityWebhookApi: { secret: SECRET } },
		nodeId: processId,
	});
	return (await (await ellityTrigger()).webhook!.call(call.context)).workflowData?.[0];
}

async function runEcomail(startItems: INodeExecutionData[], apiKey = ecomail.apiKey) {
	return await runWorkflow(fixture as unknown as WorkflowJson, {
		credentials: { ecomailApi: { apiKey, baseUrl: ecomail.url } },
		mode: 'webhook',
		startItems,
	});
}

async function member(email: string): Promise<void> {
	await fetch(`${ecomail.url}/lists/1/subscribe`, {
		method: 'POST',
		headers: { key: ecomail.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ subscriber_data: { email } }),
	});
}

const eventsOf = (email: string) => ecomail.state.events().filter((event) => event.email === email);

describe('a delivery that reached two n8n processes', () => {
	it('is written once: one event, one contact update; the second execution ends at the Ecomail node', async () => {
		await member('twice@example.cz');
		const first = await receive(ellityBody('twice@example.cz', 250), 'main-process');
		const second = await receive(ellityBody('twice@example.cz', 250), 'webhook-process');
		expect([first?.length, second?.length]).toEqual([1, 1]);
		const updatesBefore = ecomail.state
			.calls()
			.filter((call) => call.path === '/lists/1/update-subscriber').length;

		const runs = [await runEcomail(first!), await runEcomail(second!)];

		expect(
			runs.map((run) => run.nodes.Ecomail.items?.map((item: IDataObject) => item.status)),
		).toEqual([['sent'], []]);
		expect(eventsOf('twice@example.cz')).toHaveLength(1);
		const updates = ecomail.state
			.calls()
			.filter((call) => call.path === '/lists/1/update-subscriber').length;
		expect(updates - updatesBefore).toBe(1);
	});

	it('is written again when the earlier write failed: the failure released its keys', async () => {
		await member('retry@example.cz');
		const first = await receive(ellityBody('retry@example.cz', 90), 'main-process');
		const second = await receive(ellityBody('retry@example.cz', 90), 'webhook-process');

		const failed = await runEcomail(first!, 'revoked-key');
		expect(failed.nodes.Ecomail.error).toContain('Manage account');
		const retried = await runEcomail(second!);

		expect(retried.nodes.Ecomail.items?.map((item: IDataObject) => item.status)).toEqual(['sent']);
		expect(eventsOf('retry@example.cz')).toHaveLength(1);
	});

	it('a different change of the same customer is written as well', async () => {
		await member('two.changes@example.cz');
		const changes = [
			await receive(ellityBody('two.changes@example.cz', 10), 'main-process'),
			await receive(ellityBody('two.changes@example.cz', 20), 'webhook-process'),
		];
		for (const items of changes) await runEcomail(items!);
		expect(
			eventsOf('two.changes@example.cz').map((event) => JSON.parse(event.value ?? '{}').credit),
		).toEqual([10, 20]);
	});
});
