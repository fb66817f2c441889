import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, sleep } from 'n8n-workflow';
import { reportEllitySubscription } from '@ecomail-bridge/shared';
import { createN8nTransport } from '../../transport/n8nTransport';
import { eachItem } from '../Ecomail/actions/perItem';
import { writeDeliveriesOnce } from '../Ecomail/actions/writeOnce';

/**
 * Tells Ellity that a contact joined or left a list, so it can add or take back points. Ellity's
 * inbound contract is unknown [U]: by default we send what Ecomail's list webhook sends, and both
 * the URL and the body are configurable. Ellity documents no authentication for this URL, so the
 * call carries no credential (any key is part of the URL the merchant copies).
 */
export class Ellity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ellity',
		name: 'ellity',
		icon: { light: 'file:../../icons/ellity.svg', dark: 'file:../../icons/ellity.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: 'Report subscription change',
		description: 'Report newsletter subscriptions to Ellity so it can award loyalty points',
		defaults: { name: 'Ellity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Report Subscription Change',
						value: 'reportSubscription',
						action: 'Report subscription change',
						description: 'Send a subscribe or unsubscribe to Ellity',
					},
				],
				default: 'reportSubscription',
			},
			{
				displayName: 'Ellity URL',
				name: 'url',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'https://…',
				description: 'The subscription webhook URL from the Ellity console',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '={{ $json.email }}',
				required: true,
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'subscribed',
				options: [
					{ name: 'Subscribed', value: 'subscribed' },
					{ name: 'Unsubscribed', value: 'unsubscribed' },
				],
				description:
					"After an Ecomail Trigger, switch this field to Expression and pick the trigger's status field",
			},
			{
				displayName: 'List ID',
				name: 'listId',
				type: 'string',
				default: '={{ $json.listId }}',
				required: true,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Body Template',
						name: 'bodyTemplate',
						type: 'json',
						default: '',
						description:
							'JSON to send instead of the default {"payload": {"email", "status", "listId", "campaignId"}}. #email#, #status#, #listId# and #campaignId# are replaced.',
					},
					{ displayName: 'Campaign ID', name: 'campaignId', type: 'number', default: 0 },
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const transport = createN8nTransport(
			async (options) => await this.helpers.httpRequest(options),
		);
		const report = async (index: number): Promise<IDataObject> => {
			const options = this.getNodeParameter('options', index, {}) as {
				bodyTemplate?: string;
				campaignId?: number;
			};
			const { notice, response } = await reportEllitySubscription(
				{ transport, sleep },
				{
					url: String(this.getNodeParameter('url', index, '')),
					email: String(this.getNodeParameter('email', index, '')),
					status: this.getNodeParameter('status', index) as 'subscribed' | 'unsubscribed',
					listId: String(this.getNodeParameter('listId', index, '')),
					campaignId: options.campaignId || null,
					bodyTemplate: options.bodyTemplate,
				},
			);
			return { ...notice.payload, sent: true, response: response as IDataObject | null };
		};
		return [
			await writeDeliveriesOnce(
				this,
				items,
				async (indexes) => await eachItem(this, indexes, report),
			),
		];
	}
}
