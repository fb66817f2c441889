import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import {
	ELLITY_TRIGGERS,
	EllityPayloadError,
	type EllityTrigger as EllityEventType,
	ellityDedupeKey,
	ellityDeliveryKeys,
	ellityWebhookTemplate,
	parseEllityWebhook,
	verifyWebhookSecret,
} from '@ecomail-bridge/shared';
import { rawBodyOption, webhookBody } from '../../transport/rawWebhookBody';
import { acceptedReply, ignore, refuse } from '../../transport/webhookReply';
import { isRepeatDelivery, withDeliveryKeys } from '../../transport/dedupeWindows';
import { testWebhookSecret } from '../../transport/webhookSecret';
import { eventsSubtitle } from '../subtitles';

/** The Events field's choices; the canvas subtitle and the body fields use the same names. */
const EVENT_OPTIONS = [
	{ name: 'PIN Changed', value: 'pin_changed' },
	{ name: 'Points Changed', value: 'credit_changed' },
	{ name: 'Points Expiring', value: 'points_expiring' },
	{ name: 'Tier Changed', value: 'tier_changed' },
	{
		name: 'Other Ellity Event',
		value: 'unknown',
		description: 'Webhooks whose body names an event other than the ones above',
	},
];

const isEllityTrigger = (option: {
	value: string;
}): option is { name: string; value: EllityEventType } =>
	(ELLITY_TRIGGERS as readonly string[]).includes(option.value);

/**
 * The body to paste into Ellity for one event, shown while that event is selected. The node never
 * reads it: it is there to be copied, as JSON that stays valid once Ellity fills in its values.
 */
function webhookBodyField(option: { name: string; value: EllityEventType }): INodeProperties {
	return {
		displayName: `Body for ${option.name}`,
		name: `body_${option.value}`,
		type: 'json',
		default: ellityWebhookTemplate(option.value),
		description: `Paste this into the body of the Ellity webhook for ${option.name}. Ellity replaces each #…# with the customer's value.`,
		displayOptions: { show: { events: [option.value] } },
	};
}

const noop = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};

export class EllityTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ellity Trigger',
		name: 'ellityTrigger',
		icon: { light: 'file:../../icons/ellity.svg', dark: 'file:../../icons/ellity.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(EVENT_OPTIONS),
		description:
			'Starts the workflow on Ellity loyalty events: points changed, points expiring, PIN, tier',
		defaults: { name: 'Ellity Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ellityWebhookApi', required: true, testedBy: 'ellityWebhookSecret' }],
		webhooks: [
			{ ...acceptedReply, name: 'default', httpMethod: 'POST', path: 'ellity' },
			// A merchant who leaves Ellity's body empty gets a GET with the values in the URL.
			{ ...acceptedReply, name: 'setup', httpMethod: 'GET', path: 'ellity' },
		],
		properties: [
			{
				displayName:
					"In Ellity open Settings → Integration → Webhooks and add one webhook for each event selected below. URL: the Production URL above followed by ?key= and the Webhook Secret of this node's Ellity credential. Body: the JSON shown below for that event: click into it, select all (Ctrl+A or ⌘A) and copy.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: ['credit_changed', 'points_expiring', 'pin_changed', 'tier_changed'],
				required: true,
				options: EVENT_OPTIONS,
			},
			...EVENT_OPTIONS.filter(isEllityTrigger).map(webhookBodyField),
			rawBodyOption,
			{
				displayName: 'Duplicate Window (Seconds)',
				name: 'dedupeSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					'The same change (e-mail, event, balance) arriving again within this time is handled once: a repeat is not emitted by the n8n process that took the first call, and the Ecomail and Ellity nodes write nothing for a repeat that reached another process (queue mode). 0 turns this off.',
			},
		],
	};

	methods = { credentialTest: { ellityWebhookSecret: testWebhookSecret } };

	webhookMethods = { default: noop, setup: noop };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { secret } = await this.getCredentials<{ secret: string }>('ellityWebhookApi');
		const query = this.getQueryData() as IDataObject;
		if (!verifyWebhookSecret(query.key, secret)) {
			return refuse(this, 401, 'The ?key= of the webhook URL is missing or wrong');
		}
		let event;
		try {
			event = parseEllityWebhook(await webhookBody(this), query);
		} catch (error) {
			// Ellity cannot do anything about a body without a customer e-mail: take it, emit nothing.
			if (error instanceof EllityPayloadError) return ignore(error.message);
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(event.type)) return ignore(`event ${event.type} is not selected`);
		if (isRepeatDelivery(this, (windowMs) => ellityDedupeKey(event, windowMs)))
			return ignore('duplicate of a call received moments ago');
		return {
			webhookResponse: { status: 'ok' },
			workflowData: [
				this.helpers.returnJsonArray([
					withDeliveryKeys(event as unknown as IDataObject, this, (windowMs) =>
						ellityDeliveryKeys(event, windowMs),
					),
				]),
			],
		};
	}
}
