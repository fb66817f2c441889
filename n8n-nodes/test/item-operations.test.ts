import type { INode, INodeParameters } from 'n8n-workflow';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { runWorkflow, type WorkflowJson } from './harness/runWorkflow';

let sandbox: EcomailSandbox;

beforeAll(async () => {
	sandbox = await startEcomailSandbox();
});
afterAll(async () => {
	await sandbox.close();
});

const credentials = () => ({ ecomailApi: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } });
const list = { __rl: true, mode: 'id', value: '1' };

/** A straight chain: Start → each step in turn, every step reading the e-mail from its input. */
function chain(steps: Array<[string, INodeParameters]>): WorkflowJson {
	const start: INode = {
		id: 'start',
		name: 'Start',
		type: 'n8n-nodes-ecomail.ecomailTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { secret: 'unused-in-runner' },
	};
	const nodes: INode[] = [start];
	const connections: WorkflowJson['connections'] = {};
	steps.forEach(([name, parameters], i) => {
		nodes.push({
			id: `step-${i}`,
			name,
			type: 'n8n-nodes-ecomail.ecomail',
			typeVersion: 1,
			position: [250 * (i + 1), 0],
			parameters,
			credentials: { ecomailApi: { id: 'cred-ecomail', name: 'Ecomail sandbox' } },
		});
		connections[nodes[i].name] = { main: [[{ node: name, type: 'main', index: 0 }]] };
	});
	return { nodes, connections, settings: { executionOrder: 'v1' } };
}

describe('Ecomail node, one-item operations through the router', () => {
	it('gets, removes tags, records an order, starts an automation and unsubscribes', async () => {
		await fetch(`${sandbox.url}/lists/1/subscribe`, {
			method: 'POST',
			headers: { key: sandbox.apiKey, 'Content-Type': 'application/json' },
			body: JSON.stringify({
				subscriber_data: { email: 'eva@example.cz', tags: ['GoOut', 'VIP'] },
				skip_confirmation: true,
			}),
		});
		const email = '={{ $json.email }}';
		const result = await runWorkflow(
			chain([
				['Get', { resource: 'contact', operation: 'get', email }],
				[
					'Remove Tags',
					{ resource: 'contact', operation: 'removeTags', list, email, tags: ['VIP'] },
				],
				['Order', { resource: 'order', operation: 'create', orderId: 'GO-1', email, amount: 390 }],
				['Automation', { resource: 'automation', operation: 'trigger', automation: '1', email }],
				['Unsubscribe', { resource: 'contact', operation: 'unsubscribe', list, email }],
			]),
			{ credentials: credentials(), startItems: [{ json: { email: 'eva@example.cz' } }] },
		);

		expect(result.nodes.Get.items).toEqual([
			expect.objectContaining({ found: true, email: 'eva@example.cz' }),
		]);
		expect(result.nodes['Remove Tags'].items).toEqual([
			{ email: 'eva@example.cz', tags: ['GoOut'] },
		]);
		expect(result.nodes.Order.items).toEqual([
			expect.objectContaining({ order_id: 'GO-1', created: true }),
		]);
		expect(result.nodes.Automation.items).toEqual([expect.objectContaining({ triggered: true })]);
		expect(result.nodes.Unsubscribe.items).toEqual([
			{ email: 'eva@example.cz', listId: '1', unsubscribed: true },
		]);
		expect(sandbox.state.transactions()).toHaveLength(1);
		expect(sandbox.state.pipelineTriggers()).toHaveLength(1);
		expect(sandbox.state.contact('eva@example.cz')?.lists['1'].status).toBe(2);
	});

	it('reports an unknown contact as not found rather than failing', async () => {
		const result = await runWorkflow(
			chain([['Get', { resource: 'contact', operation: 'get', email: '={{ $json.email }}' }]]),
			{
				credentials: credentials(),
				startItems: [{ json: { email: 'nobody@example.cz' } }],
			},
		);
		expect(result.nodes.Get.items).toEqual([{ email: 'nobody@example.cz', found: false }]);
	});
});
