import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { runWorkflow, type WorkflowJson } from './harness/runWorkflow';
import upsertWorkflow from './fixtures/contact-upsert.workflow.json';
import tagsWorkflow from './fixtures/contact-tags.workflow.json';

let sandbox: EcomailSandbox;

beforeAll(async () => {
	sandbox = await startEcomailSandbox();
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.state.reset());

const credentials = () => ({ ecomailApi: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } });
const bulkCalls = () => sandbox.state.calls().filter((call) => call.path === '/lists/1/subscribe-bulk');

describe('Ecomail node, Contact → Create or Update', () => {
	it('creates one contact with fields, tags and custom fields', async () => {
		const result = await runWorkflow(upsertWorkflow as unknown as WorkflowJson, {
			credentials: credentials(),
			startItems: [{ json: { email: ' Petra@Example.cz ', name: 'Petra', tag: 'VIP', event: 'Hamlet' } }],
		});

		expect(result.nodes.Ecomail.error).toBeUndefined();
		expect(result.nodes.Ecomail.items).toEqual([
			expect.objectContaining({ email: 'petra@example.cz', listId: '1', status: 'sent' }),
		]);
		const contact = sandbox.state.contact('petra@example.cz');
		expect(contact).toMatchObject({ name: 'Petra', country: 'CZ', tags: ['VIP'] });
		expect(contact?.lists['1'].c_fields).toEqual({ goout_last_event: 'Hamlet' });
	});

	it('sends 5,000 items in exactly 2 subscribe-bulk calls and reports each item', async () => {
		const startItems = Array.from({ length: 5000 }, (_, i) => ({
			json: { email: `buyer${i}@example.cz`, name: `Buyer ${i}`, tag: 'GoOut', event: 'Koncert' },
		}));
		startItems[7] = { json: { email: 'not-an-email', name: 'Broken', tag: 'GoOut', event: 'x' } };
		const workflow = structuredClone(upsertWorkflow) as unknown as WorkflowJson;
		workflow.nodes[1].continueOnFail = true;

		const result = await runWorkflow(workflow, { credentials: credentials(), startItems });

		const items = result.nodes.Ecomail.items ?? [];
		expect(items).toHaveLength(5000);
		expect(items.filter((item) => item.status === 'sent')).toHaveLength(4999);
		expect(items[7]).toMatchObject({ status: 'failed', error: expect.stringMatching(/^\[item 7\] /) });
		// 4,999 valid rows in chunks of at most 3,000; the broken one is refused before sending.
		expect(bulkCalls().length).toBe(2);
		expect(sandbox.state.contacts()).toHaveLength(4999);
	});

	it('fails the node with "[item N]" when continue on fail is off', async () => {
		const result = await runWorkflow(upsertWorkflow as unknown as WorkflowJson, {
			credentials: credentials(),
			startItems: [
				{ json: { email: 'ok@example.cz', tag: 'A', event: 'e' } },
				{ json: { email: 'nope', tag: 'A', event: 'e' } },
			],
		});
		expect(result.nodes.Ecomail.error).toMatch(/^\[item 1\] /);
	});
});

describe('Ecomail node, tags and events', () => {
	it('adds tags without losing the existing ones, then tracks an event', async () => {
		await runWorkflow(upsertWorkflow as unknown as WorkflowJson, {
			credentials: credentials(),
			startItems: [{ json: { email: 'jana@example.cz', tag: 'GoOut', event: 'x' } }],
		});

		const result = await runWorkflow(tagsWorkflow as unknown as WorkflowJson, {
			credentials: credentials(),
			startItems: [{ json: { email: 'jana@example.cz' } }],
		});

		expect(result.nodes['Add Tags'].error).toBeUndefined();
		expect(sandbox.state.contact('jana@example.cz')?.tags).toEqual(['GoOut', 'drama', 'VIP']);
		expect(result.nodes['Track Event'].error).toBeUndefined();
		expect(sandbox.state.events()).toEqual([
			expect.objectContaining({ email: 'jana@example.cz', category: 'shop', action: 'visit', label: 'homepage' }),
		]);
	});
});
