/**
 * A webhook delivered twice to two n8n processes (queue mode: main and webhook process) is emitted
 * by both, since each remembers only its own calls; the Ecomail node then writes it once
 * (docs/n8n-platform.md §11.6). The processes are stood in for by two trigger memories (two node
 * ids); n8n's deduplication store is the runner's in-memory one, shared like n8n's database.
 */
import { randomBytes } from 'node:crypto';
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import {
	ecomailListWebhookDeliveryKeys,
	ellityDeliveryKeys,
	type EllityEvent,
} from '@ecomail-bridge/shared';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { loadPackage, runWorkflow, type WorkflowJson } from './harness/runWorkflow';
import { webhookContext } from './harness/webhookContext';
import fixture from './fixtures/ellity-to-ecomail.workflow.json';

const SECRET = randomBytes(24).toString('hex');
let ecomail: EcomailSandbox;

beforeAll(async () => {
	ecomail = await startEcomailSandbox();
});
afterAll(async () => {
	await ecomail.close();
});

const ellityBody = (email: string, credit: number) =>
	JSON.stringify({
		schema: 'ellity-webhook/1',
		trigger: 'credit_changed',
		eshopId: '456',
		customer: { id: '1', email, credit: String(credit) },
		creditChange: { value: '10' },
	});

async function trigger(name: string): Promise<INodeType> {
	return (await loadPackage()).getNode(name).type as INodeType;
}

/** The Ellity Trigger's webhook() in the n8n process `processId` (its own memory of recent calls). */
async function receive(
	body: string,
	processId: string,
	dedupeSeconds = 60,
): Promise<INodeExecutionData[] | undefined> {
	const call = webhookContext({
		body,
		query: { key: SECRET },
		parameters: { ...fixture.nodes[0].parameters, dedupeSeconds },
		credentials: { ellityWebhookApi: { secret: SECRET } },
		nodeId: processId,
	});
	return (await (await trigger('ellityTrigger')).webhook!.call(call.context)).workflowData?.[0];
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

describe('webhook triggers stamp each delivery with its keys', () => {
	it('Ellity: the change and its receipt-time buckets; none when the window is 0', async () => {
		const [item] = (await receive(ellityBody('keys@example.cz', 70), 'stamp-a'))!;
		expect(item.json.deliveryKeys).toEqual(
			ellityDeliveryKeys(item.json as unknown as EllityEvent, 60_000),
		);
		const [unstamped] = (await receive(ellityBody('keys@example.cz', 71), 'stamp-a', 0))!;
		expect(unstamped.json).not.toHaveProperty('deliveryKeys');
	});

	it('Ecomail list webhook: e-mail, list and status with the buckets of the receipt time', async () => {
		const receivedAt = Date.parse('2026-12-01T10:00:30Z');
		const clock = jest.spyOn(Date, 'now').mockReturnValue(receivedAt);
		try {
			const call = webhookContext({
				body: {
					payload: { email: 'list@example.cz', status: 'SUBSCRIBED', listId: 7, campaignId: null },
				},
				query: { secret: SECRET },
				parameters: {
					secret: SECRET,
					events: ['subscribed', 'unsubscribed'],
					listId: '',
					dedupeSeconds: 60,
				},
				nodeId: 'stamp-b',
			});
			const result = await (await trigger('ecomailTrigger')).webhook!.call(call.context);
			const event = {
				email: 'list@example.cz',
				status: 'subscribed' as const,
				listId: 7,
				campaignId: null,
			};
			expect(result.workflowData?.[0][0].json.deliveryKeys).toEqual(
				ecomailListWebhookDeliveryKeys(event, receivedAt, 60_000),
			);
		} finally {
			clock.mockRestore();
		}
	});
});

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
