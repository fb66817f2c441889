import { randomBytes } from 'node:crypto';
import type { INodeType } from 'n8n-workflow';
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
	const trigger = (await loadPackage()).getNode('ellityTrigger').type as INodeType;
	const received = await trigger.webhook!.call(call.context);
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
		expect(run.nodes.Ecomail.items?.map((item) => [item.email, item.status, item.event])).toEqual([
			['jana@example.cz', 'sent', 'credit'],
		]);
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
		expect(ecomail.state.calls().slice(before).map((c) => `${c.method} ${c.path}`)).toEqual([
			'GET /lists/1/subscriber/jana%40example.cz',
			'PUT /lists/1/update-subscriber',
			'POST /tracker/events',
		]);
	});

	it('never subscribes a customer who is not in the list', async () => {
		const run = await deliver('stranger@example.cz');
		expect(run.nodes.Ecomail.items?.map((item) => [item.email, item.status, item.reason])).toEqual([
			['stranger@example.cz', 'skipped', 'not in the list (import mode: only update existing)'],
		]);
		expect(ecomail.state.contact('stranger@example.cz') ?? null).toBeNull();
		expect(ecomail.state.events().map((e) => e.email)).toEqual(['jana@example.cz']);
	});
});
