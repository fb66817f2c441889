import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as automation from './actions/automation/Automation.resource';
import * as contact from './actions/contact/Contact.resource';
import * as event from './actions/event/Event.resource';
import * as order from './actions/order/Order.resource';
import { router } from './actions/router';
import { listSearch, loadOptions, resourceMapping } from './methods';

export class Ecomail implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Ecomail',
		name: 'ecomail',
		icon: { light: 'file:../../icons/ecomail.svg', dark: 'file:../../icons/ecomail.dark.svg' },
		group: ['output'],
		version: 1,
		// The Operation field's action text; written out because n8n's lint reads it literally.
		subtitle:
			'={{ ({ addTags: "Add tags to contact", get: "Get contact", removeTags: "Remove tags from contact", unsubscribe: "Unsubscribe contact", upsert: "Create or update contact", track: "Track event", create: "Create order", trigger: "Trigger automation" })[$parameter["operation"]] }}',
		description:
			'Create or update Ecomail contacts in bulk, change tags, track events, record orders and start automations',
		defaults: { name: 'Ecomail' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ecomailApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Automation', value: 'automation' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Event', value: 'event' },
					{ name: 'Order', value: 'order' },
				],
				default: 'contact',
			},
			...automation.description,
			...contact.description,
			...event.description,
			...order.description,
		],
	};

	methods = { listSearch, loadOptions, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
