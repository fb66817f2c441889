import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import {
	EcomailWebhookPayloadError,
	ecomailListWebhookDedupeKey,
	ecomailListWebhookDeliveryKeys,
	parseEcomailListWebhook,
	verifyWebhookSecret,
} from '@ecomail-bridge/shared';
import { isRepeatDelivery, withDeliveryKeys } from '../../transport/dedupeWindows';
import { acceptedReply, ignore, refuse } from '../../transport/webhookReply';
import { testWebhookSecret, webhookSecretField } from '../../transport/webhookSecret';
import { eventsSubtitle } from '../subtitles';

/** The Events field's choices; the canvas subtitle uses the same names. */
const EVENT_OPTIONS = [
	{ name: 'Contact Subscribed', value: 'subscribed' },
	{ name: 'Contact Unsubscribed', value: 'unsubscribed' },
];

export class EcomailTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ecomail Trigger',
		name: 'ecomailTrigger',
		icon: { light: 'file:../../icons/ecomail.svg', dark: 'file:../../icons/ecomail.dark.svg' },
		group: ['trigger'],
		// 2: the secret lives in the Ecomail Webhook credential. Version 1 workflows keep their
		// secret parameter and work unchanged.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: eventsSubtitle(EVENT_OPTIONS),
		description:
			'Starts the workflow when a contact subscribes to or unsubscribes from an Ecomail list',
		defaults: { name: 'Ecomail Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'ecomailWebhookApi',
				required: true,
				testedBy: 'ecomailWebhookSecret',
				displayOptions: { show: { '@version': [2] } },
			},
		],
		webhooks: [{ ...acceptedReply, name: 'default', httpMethod: 'POST', path: 'webhook' }],
		properties: [
			{
				displayName:
					"Ecomail has no API to register webhooks. Copy the Production URL above, add ?secret= followed by the Webhook Secret of this node's Ecomail Webhook credential, and paste the whole URL in Ecomail under Lists → your list → Settings → Webhook.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '@version': [2] } },
			},
			{
				displayName:
					'Ecomail has no API to register webhooks. Copy the Production URL above, add ?secret= followed by the Secret below, and paste the whole URL in Ecomail under Lists → your list → Settings → Webhook.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { '@version': [1] } },
			},
			{
				...webhookSecretField(
					'Secret',
					'A random string of at least 32 characters; calls whose ?secret= differs are refused. New Ecomail Trigger nodes keep it in a credential instead.',
				),
				displayOptions: { show: { '@version': [1] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: ['subscribed', 'unsubscribed'],
				required: true,
				options: EVENT_OPTIONS,
			},
			{
				displayName: 'List ID',
				name: 'listId',
				type: 'string',
				default: '',
				description: 'Only events of this list. Leave empty for any list that calls this URL.',
			},
			{
				displayName: 'Duplicate Window (Seconds)',
				name: 'dedupeSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					'The same change (e-mail, list, status) delivered again within this time is handled once: a repeat is not emitted by the n8n process that took the first call, and the Ecomail and Ellity nodes write nothing for a repeat that reached another process (queue mode). 0 turns this off.',
			},
			{
				displayName:
					'Unsubscribes made through the Ecomail API (including the Ecomail node) are not delivered by Ecomail',
				name: 'apiUnsubscribeHint',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = { credentialTest: { ecomailWebhookSecret: testWebhookSecret } };

	/** Nothing to register remotely: the user pastes the URL into Ecomail by hand. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secret = await webhookSecret(this);
		if (!verifyWebhookSecret((this.getQueryData() as IDataObject).secret, secret)) {
			return refuse(this, 401, 'The ?secret= of the webhook URL is missing or wrong');
		}
		let event;
		try {
			event = parseEcomailListWebhook(this.getBodyData());
		} catch (error) {
			if (error instanceof EcomailWebhookPayloadError) return refuse(this, 400, error.message);
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(event.status)) return ignore(`event ${event.status} is not selected`);
		const listId = (this.getNodeParameter('listId', '') as string).trim();
		if (listId && listId !== String(event.listId))
			return ignore(`list ${event.listId} is not selected`);
		if (isRepeatDelivery(this, () => ecomailListWebhookDedupeKey(event)))
			return ignore('duplicate of a call received moments ago');
		return {
			webhookResponse: { status: 'ok' },
			workflowData: [
				this.helpers.returnJsonArray([
					withDeliveryKeys(event as unknown as IDataObject, this, (windowMs) =>
						ecomailListWebhookDeliveryKeys(event, Date.now(), windowMs),
					),
				]),
			],
		};
	}
}

/** Version 1 kept the secret as a node parameter; later versions read the credential. */
async function webhookSecret(context: IWebhookFunctions): Promise<string> {
	if (context.getNode().typeVersion < 2) return context.getNodeParameter('secret', '') as string;
	const { secret } = await context.getCredentials<{ secret: string }>('ecomailWebhookApi');
	return secret;
}
