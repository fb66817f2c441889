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

describe('Ellity webhook → Ecomail fields + event', () => {
	it('writes the ellity_* fields, then tracks the ellity/change/credit event', async () => {
		// 1. What Ellity posts (our copy-paste template, values substituted as text).
		const call = webhookContext({
			body: JSON.stringify({
				schema: 'ellity-webhook/1',
				trigger: 'credit_changed',
				eshopId: '456',
				customer: { id: '123', email: 'Jana@Example.cz', credit: '1 250', groupId: '', tierId: '2', tierName: 'Gold' },
				creditChange: { value: '50' },
			}),
			query: { key: SECRET },
			parameters: fixture.nodes[0].parameters,
			credentials: { ellityWebhookApi: { secret: SECRET } },
		});
		const trigger = (await loadPackage()).getNode('ellityTrigger').type as INodeType;
		const received = await trigger.webhook!.call(call.context);
		expect(received.webhookResponse).toEqual({ status: 'ok' });

		// 2. The workflow n8n would start with the trigger's output.
		const run = await runWorkflow(fixture as unknown as WorkflowJson, {
			credentials: { ecomailApi: { apiKey: ecomail.apiKey, baseUrl: ecomail.url } },
			mode: 'webhook',
			startItems: received.workflowData![0],
		});

		expect(run.nodes.Ecomail.error).toBeUndefined();
		expect(run.nodes.Ecomail.items).toEqual([expect.objectContaining({ email: 'jana@example.cz', status: 'sent' })]);
		const contact = ecomail.state.contact('jana@example.cz');
		expect(JSON.stringify(contact)).toContain('ellity_credit_num');
		expect(ecomail.state.events()).toEqual([
			expect.objectContaining({ email: 'jana@example.cz', category: 'ellity', action: 'change', label: 'credit' }),
		]);
		// Fields first, event second: e-mails read the fields (ellity.md §3).
		const paths = ecomail.state.calls().map((c) => c.path);
		expect(paths.indexOf('/tracker/events')).toBeGreaterThan(paths.indexOf('/lists/1/subscribe'));
	});
});
