import type { IDataObject } from 'n8n-workflow';
import { startIdoSellSandbox, type IdoSellSandbox } from '../../test/sandbox/idosell';
import { pollOnce, type CredentialsByType, type WorkflowJson } from './harness/runWorkflow';

let idosell: IdoSellSandbox;
let credentials: CredentialsByType;

const workflow: WorkflowJson = {
	nodes: [
		{
			id: 'idosell',
			name: 'IdoSell Trigger',
			type: 'n8n-nodes-ecomail.idoSellTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyTenMinutes' }] }, maxOrders: 500, consentMode: 'everybody' },
			credentials: { idoSellApi: { id: 'cred-idosell', name: 'IdoSell sandbox' } },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
} as unknown as WorkflowJson;

beforeEach(async () => {
	idosell = await startIdoSellSandbox();
	// The sandbox shop's orders are from June 2026: all history by the time this runs.
	idosell.seed(300);
	credentials = { idoSellApi: { shopUrl: idosell.url, apiKey: idosell.apiKey, apiVersion: '7' } };
});
afterEach(() => idosell.close());

const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.orderId as string);

describe('IdoSell Trigger', () => {
	it('does not flood on activation, then emits each new or changed order once', async () => {
		const data = idosell.state.dataset();
		// Changed two hours before activation: history, even if the shop's clock runs ahead of UTC.
		const before = data.changeStatus(data.orders[5].orderId, 'finished', Date.now() - 2 * 3_600_000);
		const first = await pollOnce(workflow, 'IdoSell Trigger', { credentials });
		expect(first.items).toEqual([]);
		expect(Object.keys(first.staticData)).toEqual(['node:IdoSell Trigger']);

		// The merchant cancels an order now (shop clock read as UTC, as the trigger reads it).
		const changed = data.changeStatus(data.orders.find((o) => o.person.email !== '')!.orderId, 'canceled', Date.now());
		const second = await pollOnce(workflow, 'IdoSell Trigger', { credentials, staticData: first.staticData });
		expect(second.items.map((item) => [item.json.orderId, item.json.status, item.json.isPurchase])).toEqual([[changed.orderId, 'canceled', false]]);

		const third = await pollOnce(workflow, 'IdoSell Trigger', { credentials, staticData: second.staticData });
		expect(third.items).toEqual([]);
		expect(ids(second.items)).not.toContain(before.orderId);
		// Every request carried the key the credential holds.
		expect(idosell.state.requests().every((r) => r.status === 200)).toBe(true);
	});
});
