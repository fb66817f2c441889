import { randomBytes } from 'node:crypto';
import type { INodeType } from 'n8n-workflow';
import {
	ecomailListWebhookDeliveryKeys,
	ellityDeliveryKeys,
	type EllityEvent,
} from '@ecomail-bridge/shared';
import { loadPackage } from './harness/runWorkflow';
import { webhookContext } from './harness/webhookContext';

/** A fresh random secret per run, as a user would generate one. */
const SECRET = randomBytes(24).toString('hex');

async function trigger(name: string): Promise<INodeType> {
	return (await loadPackage()).getNode(name).type as INodeType;
}

describe('Ecomail Trigger webhook()', () => {
	const parameters = { secret: SECRET, events: ['subscribed', 'unsubscribed'], listId: '' };
	const body = {
		payload: { email: 'Petra@Example.cz', status: 'SUBSCRIBED', listId: 7, campaignId: null },
	};

	it('emits the subscribe when the secret matches', async () => {
		const call = webhookContext({ body, query: { secret: SECRET }, parameters });
		const result = await (await trigger('ecomailTrigger')).webhook!.call(call.context);
		expect(result.workflowData?.[0]).toEqual([
			{
				json: expect.objectContaining({
					email: 'petra@example.cz',
					status: 'subscribed',
					listId: 7,
				}),
			},
		]);
		expect(result.webhookResponse).toEqual({ status: 'ok' });
	});

	it.each([
		['wrong', { secret: 'not-the-secret' }],
		['missing', {}],
	])('refuses a %s secret with 401 and no workflow output', async (_, query) => {
		const call = webhookContext({ body, query, parameters });
		const result = await (await trigger('ecomailTrigger')).webhook!.call(call.context);
		expect(result.workflowData).toBeUndefined();
		expect(result.noWebhookResponse).toBe(true);
		expect(call.response.status).toBe(401);
	});

	it('ignores events of another list or an unselected type', async () => {
		const call = webhookContext({
			body,
			query: { secret: SECRET },
			parameters: { ...parameters, events: ['unsubscribed'] },
		});
		const result = await (await trigger('ecomailTrigger')).webhook!.call(call.context);
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toMatchObject({ status: 'ignored' });
	});

	it('emits a repeated delivery once, but a change of status again', async () => {
		const deliver = async (status: string) => {
			const payload = { payload: { ...body.payload, email: 'twice@example.cz', status } };
			const call = webhookContext({
				body: payload,
				query: { secret: SECRET },
				parameters,
				nodeId: 'n-dup',
			});
			return await (await trigger('ecomailTrigger')).webhook!.call(call.context);
		};
		expect((await deliver('SUBSCRIBED')).workflowData).toHaveLength(1);
		expect(await deliver('SUBSCRIBED')).toMatchObject({ webhookResponse: { status: 'ignored' } });
		expect((await deliver('UNSUBSCRIBED')).workflowData).toHaveLength(1);
	});

	it('stamps its record with delivery keys: e-mail, list and status with the buckets of the receipt time', async () => {
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
	it('answers 400 to a body that is not a list webhook', async () => {
		const call = webhookContext({
			body: { hello: 'world' },
			query: { secret: SECRET },
			parameters,
		});
		const result = await (await trigger('ecomailTrigger')).webhook!.call(call.context);
		expect(result.workflowData).toBeUndefined();
		expect(call.response.status).toBe(400);
	});
});

describe('Ecomail Trigger of typeVersion 2: the secret in a credential', () => {
	const parameters = { events: ['subscribed', 'unsubscribed'], listId: '' };
	const credentials = { ecomailWebhookApi: { secret: SECRET } };
	const body = {
		payload: { email: 'Eva@Example.cz', status: 'SUBSCRIBED', listId: 7, campaignId: null },
	};

	it('emits when ?secret= is the credential’s secret', async () => {
		const call = webhookContext({
			body,
			query: { secret: SECRET },
			parameters,
			credentials,
			typeVersion: 2,
			nodeId: 'v2-a',
		});
		const result = await (await trigger('ecomailTrigger')).webhook!.call(call.context);
		expect(result.webhookResponse).toEqual({ status: 'ok' });
		expect(result.workflowData?.[0].map((item) => item.json.email)).toEqual(['eva@example.cz']);
	});

	it('ignores a secret parameter left in the node', async () => {
		const call = webhookContext({
			body,
			query: { secret: 'old-parameter-secret' },
			parameters: { ...parameters, secret: 'old-parameter-secret' },
			credentials,
			typeVersion: 2,
		});
		const result = await (await trigger('ecomailTrigger')).webhook!.call(call.context);
		expect([result.workflowData, call.response.status]).toEqual([undefined, 401]);
	});

	it('tests the credential locally: short secrets fail', async () => {
		const test = (await trigger('ecomailTrigger')).methods!.credentialTest!.ecomailWebhookSecret;
		const run = (secret: string) =>
			test.call({} as never, { id: '1', name: 'x', type: 'ecomailWebhookApi', data: { secret } });
		expect([(await run(SECRET)).status, (await run('short')).status]).toEqual(['OK', 'Error']);
	});
});

describe('webhook descriptions n8n reads before the node runs', () => {
	it('let the node’s own reply through and, for Ellity, hand over the raw body', async () => {
		for (const name of ['ecomailTrigger', 'ellityTrigger']) {
			const { webhooks } = (await trigger(name)).description;
			expect(webhooks?.map((hook) => [hook.responseMode, hook.responseData])).toEqual(
				webhooks?.map(() => ['onReceived', '']),
			);
		}
		const ellity = (await trigger('ellityTrigger')).description;
		expect(ellity.properties.find((p) => p.name === 'options')).toMatchObject({
			type: 'hidden',
			default: { binaryData: true },
		});
		// n8n hands over the raw body only to version 1 of a trigger.
		expect(ellity.version).toBe(1);
	});
});

describe('Ellity Trigger webhook()', () => {
	const parameters = {
		events: ['credit_changed', 'points_expiring', 'pin_changed', 'tier_changed'],
		dedupeSeconds: 60,
	};
	const credentials = { ellityWebhookApi: { secret: SECRET } };
	const body = (email: string) =>
		JSON.stringify({
			schema: 'ellity-webhook/1',
			trigger: 'credit_changed',
			eshopId: '456',
			customer: { id: '123', email, credit: '250', tierName: '#customer.tier.name#' },
			creditChange: { value: '50' },
		});

	it('emits a normalised event and answers with a small JSON body', async () => {
		const call = webhookContext({
			body: body('jana@example.cz'),
			query: { key: SECRET },
			parameters,
			credentials,
			nodeId: 'n-a',
		});
		const result = await (await trigger('ellityTrigger')).webhook!.call(call.context);
		expect(result.webhookResponse).toEqual({ status: 'ok' });
		expect(result.workflowData?.[0][0].json).toMatchObject({
			source: 'ellity',
			type: 'credit_changed',
			email: 'jana@example.cz',
			credit: 250,
			delta: 50,
			tier: null,
		});
	});

	it.each([
		['wrong', { key: 'nope' }],
		['missing', {}],
	])('refuses a %s key with 401 and no workflow output', async (_, query) => {
		const call = webhookContext({
			body: body('jana@example.cz'),
			query,
			parameters,
			credentials,
			nodeId: 'n-b',
		});
		const result = await (await trigger('ellityTrigger')).webhook!.call(call.context);
		expect(result.workflowData).toBeUndefined();
		expect(call.response.status).toBe(401);
	});

	it('emits a duplicate delivery once', async () => {
		const deliver = async () => {
			const call = webhookContext({
				body: body('dup@example.cz'),
				query: { key: SECRET },
				parameters,
				credentials,
				nodeId: 'n-c',
			});
			return await (await trigger('ellityTrigger')).webhook!.call(call.context);
		};
		expect((await deliver()).workflowData).toHaveLength(1);
		const second = await deliver();
		expect(second.workflowData).toBeUndefined();
		expect(second.webhookResponse).toMatchObject({ status: 'ignored' });
	});

	it.each([
		[
			'broken JSON as application/json',
			'application/json',
			body('raw@example.cz').replace('"credit":"250"', '"credit":"250","note":"say "hi""'),
		],
		['JSON with no content type', undefined, body('raw@example.cz')],
		[
			'form fields',
			'application/x-www-form-urlencoded',
			'trigger=credit_changed&email=raw%40example.cz&credit=250&delta=50',
		],
	])('reads %s from the raw body', async (_, contentType, text) => {
		const call = webhookContext({
			raw: { text, contentType },
			query: { key: SECRET },
			parameters: { ...parameters, dedupeSeconds: 0 },
			credentials,
		});
		const result = await (await trigger('ellityTrigger')).webhook!.call(call.context);
		expect(
			result.workflowData?.[0].map((item) => [item.json.email, item.json.credit, item.json.delta]),
		).toEqual([['raw@example.cz', 250, 50]]);
	});

	it('stamps its record with delivery keys, none when the window is 0', async () => {
		const deliver = async (dedupeSeconds: number, nodeId: string) => {
			const call = webhookContext({
				body: body('keys@example.cz'),
				query: { key: SECRET },
				parameters: { ...parameters, dedupeSeconds },
				credentials,
				nodeId,
			});
			return (await (await trigger('ellityTrigger')).webhook!.call(call.context))
				.workflowData?.[0][0].json;
		};
		const stamped = await deliver(60, 'n-keys-a');
		expect(stamped?.deliveryKeys).toEqual(
			ellityDeliveryKeys(stamped as unknown as EllityEvent, 60_000),
		);
		expect(await deliver(0, 'n-keys-b')).not.toHaveProperty('deliveryKeys');
	});

	it('tests the credential locally: short secrets fail', async () => {
		const node = await trigger('ellityTrigger');
		const test = node.methods!.credentialTest!.ellityWebhookSecret;
		const run = (secret: string) =>
			test.call({} as never, { id: '1', name: 'x', type: 'ellityWebhookApi', data: { secret } });
		expect((await run(SECRET)).status).toBe('OK');
		expect((await run('short')).status).toBe('Error');
	});
});
