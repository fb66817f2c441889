import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	jsonParse,
	sleep,
} from 'n8n-workflow';
import {
	ellitySubscriptionNotice,
	sendWithPolicy,
	type EllitySubscriptionNotice,
} from '@ecomail-bridge/shared';
import { createN8nTransport } from '../../transport/n8nTransport';

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
				description: 'From an Ecomail Trigger use the expression {{ $JSON.status }}',
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
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < items.length; index++) {
			try {
				const options = this.getNodeParameter('options', index, {}) as {
					bodyTemplate?: string;
					campaignId?: number;
				};
				const notice = ellitySubscriptionNotice({
					email: String(this.getNodeParameter('email', index, '')),
					status: this.getNodeParameter('status', index) as 'subscribed' | 'unsubscribed',
					listId: String(this.getNodeParameter('listId', index, '')),
					campaignId: options.campaignId || null,
				});
				const body = options.bodyTemplate ? fillTemplate(options.bodyTemplate, notice) : notice;
				const url = String(this.getNodeParameter('url', index, '')).trim();
				const response = await sendWithPolicy(
					{ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body },
					{ transport, sleep, now: () => Date.now() },
				);
				if (response.status < 200 || response.status >= 300) {
					throw new NodeApiError(
						this.getNode(),
						{ message: `HTTP ${response.status}` },
						{
							message: `[item ${index}] Ellity answered HTTP ${response.status}`,
							description: 'Check the Ellity URL copied from the Ellity console',
							httpCode: String(response.status),
							itemIndex: index,
						},
					);
				}
				output.push({
					json: {
						...notice.payload,
						sent: true,
						response: (response.body ?? null) as IDataObject | null,
					},
					pairedItem: { item: index },
				});
			} catch (error) {
				if (this.continueOnFail()) {
					output.push({
						json: { error: `[item ${index}] ${(error as Error).message}` },
						pairedItem: { item: index },
					});
					continue;
				}
				throw new NodeOperationError(this.getNode(), error as Error, {
					itemIndex: index,
					message: `[item ${index}] ${(error as Error).message}`,
				});
			}
		}
		return [output];
	}
}

/** Replaces #email#, #status#, #listId#, #campaignId# inside the JSON template's string values. */
function fillTemplate(template: string, notice: EllitySubscriptionNotice): unknown {
	const values: Record<string, string> = {
		email: notice.payload.email,
		status: notice.payload.status,
		listId: String(notice.payload.listId),
		campaignId: notice.payload.campaignId === null ? '' : String(notice.payload.campaignId),
	};
	const filled = template.replace(/#(email|status|listId|campaignId)#/g, (_, name: string) =>
		JSON.stringify(values[name]).slice(1, -1),
	);
	return jsonParse(filled, { errorMessage: 'The body template is not valid JSON' });
}
