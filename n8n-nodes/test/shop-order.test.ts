import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NO_SHOP_CONSENT_REASON } from '@ecomail-bridge/shared';
import { startEcomailSandbox, type EcomailSandbox } from '../../test/sandbox/ecomail';
import { startIdoSellSandbox, type IdoSellSandbox, type SandboxOrder } from '../../test/sandbox/idosell';
import { consents, expectedShopState, shopStateOf } from '../../test/idosell/expected-state';
import {
	pollOnce,
	runWorkflow,
	type CredentialsByType,
	type WorkflowJson,
} from './harness/runWorkflow';
import fixture from './fixtures/idosell-to-ecomail.workflow.json';
import example from '../examples/idosell-to-ecomail.json';

let ecomail: EcomailSandbox;
let idosell: IdoSellSandbox;
let credentials: CredentialsByType;

beforeEach(async () => {
	ecomail = await startEcomailSandbox();
	idosell = await startIdoSellSandbox();
	// History from June 2026, before any activation.
	idosell.seed(300);
	credentials = {
		ecomailApi: { apiKey: ecomail.apiKey, baseUrl: ecomail.url },
		idoSellApi: { shopUrl: idosell.url, apiKey: idosell.apiKey, apiVersion: '7' },
	};
});
afterEach(async () => {
	await Promise.all([ecomail.close(), idosell.close()]);
});

/** The fixture with these trigger and Ecomail node parameters merged in. */
function workflowWith(trigger: IDataObject = {}, node: IDataObject = {}): WorkflowJson {
	const workflow = structuredClone(fixture) as unknown as WorkflowJson;
	Object.assign(workflow.nodes[0].parameters, trigger);
	Object.assign(workflow.nodes[1].parameters, node);
	return workflow;
}

/** Orders placed one a minute from 40 minutes ago: after the activation poll's starting point. */
function newOrders(count: number): SandboxOrder[] {
	const data = idosell.state.dataset();
	const before = data.orders.length;
	data.addOrders(count, Date.now() - 40 * 60_000);
	return data.orders.slice(before).map((order) => structuredClone(order));
}

const orderIds = (items: INodeExecutionData[]) => items.map((item) => item.json.orderId as string);

/** Activation (emits nothing), then the next poll after `change`; returns that poll. */
async function pollAfter(workflow: WorkflowJson, change: () => void) {
	const activation = await pollOnce(workflow, 'IdoSell Trigger', { credentials });
	expect(activation.items).toEqual([]);
	change();
	return await pollOnce(workflow, 'IdoSell Trigger', { credentials, staticData: activation.staticData });
}

describe('IdoSell Trigger → Ecomail (Map From: Shop Order)', () => {
	it('with the default choices sends consenting shoppers with their category tags and orders in bulk; a cancellation changes the order', async () => {
		const workflow = workflowWith();
		let placed: SandboxOrder[] = [];
		const poll = await pollAfter(workflow, () => (placed = newOrders(40)));
		const data = idosell.state.dataset();
		const consenting = placed.filter((order) => order.person.email !== '' && consents(data, order));
		expect(orderIds(poll.items).sort()).toEqual(consenting.map((order) => order.orderId).sort());

		const run = await runWorkflow(workflow, { credentials, mode: 'trigger', startItems: poll.items });
		expect(run.nodes.Ecomail.error).toBeUndefined();
		const repeated = (i: number) => poll.items.findIndex((item) => (item.json.buyer as IDataObject).email === (poll.items[i].json.buyer as IDataObject).email) !== i;
		// Worth the test: a repeated shopper, and orders that were never a purchase.
		expect([consenting.length > 10, poll.items.some((_, i) => repeated(i)), poll.items.some((item) => item.json.isPurchase === false)]).toEqual([true, true, true]);
		expect(run.nodes.Ecomail.items?.map((item) => [item.status, item.order, item.orderKind, item.mergedWithItem !== undefined])).toEqual(
			poll.items.map((item, i) => ['sent', 'sent', item.json.isPurchase ? 'purchase' : 'status-change', repeated(i)]),
		);
		expect(shopStateOf(ecomail)).toEqual(expectedShopState(data, placed));
		const bulk = ecomail.state.calls().filter((call) => call.path.endsWith('-bulk')).map((call) => call.path);
		expect(bulk).toEqual(['/lists/1/subscribe-bulk', '/tracker/transaction-bulk']);

		const cancelled = data.changeStatus(consenting[0].orderId, 'canceled', Date.now());
		const next = await pollOnce(workflow, 'IdoSell Trigger', { credentials, staticData: poll.staticData });
		expect(next.items.map((item) => [item.json.orderId, item.json.isPurchase])).toEqual([[cancelled.orderId, false]]);
		const after = await runWorkflow(workflow, { credentials, mode: 'trigger', startItems: next.items });
		expect(after.nodes.Ecomail.items?.map((item) => [item.status, item.order, item.orderKind])).toEqual([['sent', 'sent', 'status-change']]);
		expect(shopStateOf(ecomail)).toEqual(expectedShopState(data, [...placed, structuredClone(cancelled)]));
	});

	it('"Everybody" on both nodes sends every shopper, the newsletter tag only with consent; the chosen tag names and shop are used', async () => {
		const everybody = { consentMode: 'everybody' };
		const workflow = workflowWith(everybody, { ...everybody, options: { registeredTag: 'konto', shop: 'eshop-cz', categoryTags: false } });
		let placed: SandboxOrder[] = [];
		const poll = await pollAfter(workflow, () => (placed = newOrders(30)));
		const withEmail = placed.filter((order) => order.person.email !== '');
		expect(orderIds(poll.items).sort()).toEqual(withEmail.map((order) => order.orderId).sort());

		const run = await runWorkflow(workflow, { credentials, mode: 'trigger', startItems: poll.items });
		expect(run.nodes.Ecomail.items?.every((item) => item.status === 'sent')).toBe(true);
		const data = idosell.state.dataset();
		const tagsWithout = (tags: string[]) =>
			tags
				.filter((tag) => ['IdoSell', 'IdoSell_cs', 'IdoSell_pl', 'IdoSell_newsletter', 'rejestracja'].includes(tag))
				.map((tag) => (tag === 'rejestracja' ? 'konto' : tag))
				.sort();
		const want = expectedShopState(data, placed, 'everybody');
		expect(shopStateOf(ecomail).contacts).toEqual(new Map([...want.contacts].map(([email, tags]) => [email, tagsWithout(tags)])));
		const withoutConsent = withEmail.filter((order) => !consents(data, order));
		expect(withoutConsent.length).toBeGreaterThan(0);
		expect(withoutConsent.filter((order) => ecomail.state.contact(order.person.email.toLowerCase())!.tags.includes('IdoSell_newsletter')).map((o) => o.orderId)).toEqual([]);
		expect([...new Set(ecomail.state.transactions().map((tx) => tx.shop))]).toEqual(['eshop-cz']);
	});

	it('per-item outcomes: merged, skipped without consent, and a wrong item failed while the others are saved', async () => {
		const workflow = workflowWith();
		workflow.nodes[1].continueOnFail = true;
		const poll = await pollAfter(workflowWith({ consentMode: 'everybody' }), () => newOrders(30));
		const data = idosell.state.dataset();
		const record = (consenting: boolean) =>
			poll.items.find((item) => {
				const order = data.orders.find((o) => o.orderId === item.json.orderId)!;
				return consents(data, order) === consenting;
			})!;
		const yes = record(true);
		const no = record(false);
		const startItems = [yes, no, { json: { email: 'somebody@example.cz' } }, yes];

		const run = await runWorkflow(workflow, { credentials, mode: 'trigger', startItems });
		const email = (item: INodeExecutionData) => (item.json.buyer as IDataObject).email;
		expect(run.nodes.Ecomail.items).toEqual([
			{ email: email(yes), listId: '1', status: 'sent', response: expect.any(Object), order: 'sent', orderKind: 'purchase' },
			{ email: email(no), listId: '1', status: 'skipped', reason: NO_SHOP_CONSENT_REASON },
			{ status: 'failed', error: '[item 2] the input item is not a shop order or subscriber (use the IdoSell Trigger output)' },
			{ email: email(yes), listId: '1', status: 'sent', response: expect.any(Object), mergedWithItem: 0, order: 'sent', orderKind: 'purchase' },
		]);
		expect(ecomail.state.contacts().map((contact) => contact.email)).toEqual([email(yes)]);
		expect(ecomail.state.transactions().map((tx) => tx.order_id)).toEqual([yes.json.orderId]);
	});

	it('a newsletter subscriber without an account gets the newsletter tag and no order', async () => {
		const subscriber = { type: 'subscriber', source: 'idosell', email: 'anna.nowak@wp.pl', language: 'pl', shopId: 2, changedAt: '2026-05-01 09:00:00' };
		const run = await runWorkflow(workflowWith(), { credentials, mode: 'trigger', startItems: [{ json: subscriber }] });
		expect(run.nodes.Ecomail.items).toEqual([{ email: 'anna.nowak@wp.pl', listId: '1', status: 'sent', response: expect.any(Object) }]);
		expect(ecomail.state.contact('anna.nowak@wp.pl')?.tags).toEqual(['IdoSell', 'IdoSell_pl', 'IdoSell_newsletter', 'newsletter']);
		expect(ecomail.state.transactions()).toEqual([]);
	});
});

describe('the example workflow (examples/idosell-to-ecomail.json)', () => {
	it('with the credentials a user creates: nothing at activation, then the new consenting shoppers and their orders under the shop idosell', async () => {
		const workflow = structuredClone(example) as unknown as WorkflowJson;
		workflow.nodes[0].credentials = { idoSellApi: { id: 'mine', name: 'My shop' } };
		workflow.nodes[1].credentials = { ecomailApi: { id: 'mine', name: 'My Ecomail' } };
		let placed: SandboxOrder[] = [];
		const poll = await pollAfter(workflow, () => (placed = newOrders(20)));
		const run = await runWorkflow(workflow, { credentials, mode: 'trigger', startItems: poll.items });
		expect(run.nodes.Ecomail.items?.map((item) => item.status)).toEqual(poll.items.map(() => 'sent'));
		expect(shopStateOf(ecomail)).toEqual(expectedShopState(idosell.state.dataset(), placed));
		expect(new Set(ecomail.state.transactions().map((tx) => tx.shop))).toEqual(new Set(['idosell']));
	});
});

describe('IdoSell Trigger options', () => {
	it('Statuses: only orders in the chosen statuses are emitted, the others are passed over for good', async () => {
		const workflow = workflowWith({ statuses: ['canceled', 'lost'], consentMode: 'everybody' });
		let placed: SandboxOrder[] = [];
		const poll = await pollAfter(workflow, () => (placed = newOrders(60)));
		const chosen = placed.filter((order) => order.person.email !== '' && ['canceled', 'lost'].includes(order.status));
		expect(chosen.length).toBeGreaterThan(0);
		expect(orderIds(poll.items).sort()).toEqual(chosen.map((order) => order.orderId).sort());
		const again = await pollOnce(workflow, 'IdoSell Trigger', { credentials, staticData: poll.staticData });
		expect(again.items).toEqual([]);
	});

	it('a manual run returns one sample the trigger would emit, without touching the position', async () => {
		const run = await runWorkflow(workflowWith({ statuses: ['finished'] }), { credentials, mode: 'manual' });
		const [sample] = run.nodes['IdoSell Trigger'].items ?? [];
		const data = idosell.state.dataset();
		const order = data.orders.find((o) => o.orderId === sample.orderId)!;
		expect([run.nodes['IdoSell Trigger'].items?.length, order.status, consents(data, order)]).toEqual([1, 'finished', true]);
		expect(run.staticData).toEqual({});
	});
});
