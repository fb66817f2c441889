import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { contactUpsertOperation } from '../destination/upsert.description';
import { writeDeliveriesOnce } from '../Ecomail/actions/writeOnce';
import { destinationItemError } from '../destination/itemError';
import * as contact from './contact.operation';
import { getCustomFields, searchCampaigns } from './methods';
import { GETRESPONSE_CREDENTIAL_HELP, getResponseDestinationFor } from './transport';

/**
 * GetResponse as a destination (docs/getresponse.md): contacts from fields, GoOut purchases or
 * Ellity events through the core's jobs. Named apart from n8n's own GetResponse node
 * (docs/n8n-platform.md §6.5), which has no upsert, import modes or tags by name.
 */
export class GetResponseBridge implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GetResponse (GoOut & Ellity)',
		name: 'getResponseBridge',
		icon: {
			light: 'file:../../icons/getresponse.svg',
			dark: 'file:../../icons/getresponse.dark.svg',
		},
		group: ['output'],
		version: 1,
		subtitle: 'Create or update contact',
		description:
			'Create or update GetResponse contacts in bulk from fields, GoOut purchases or Ellity events, with tags and custom fields by name',
		defaults: { name: 'GetResponse' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'getResponseBridgeApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Contact', value: 'contact' }],
				default: 'contact',
			},
			contactUpsertOperation,
			...contact.description,
		],
	};

	methods = {
		listSearch: { searchCampaigns },
		resourceMapping: { getCustomFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		if (resource !== 'contact' || operation !== 'upsert') {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
			);
		}
		const destination = await getResponseDestinationFor(this);
		const toError = destinationItemError({
			destination,
			credentialHelp: GETRESPONSE_CREDENTIAL_HELP,
		});
		// Items of a webhook delivery another execution already took are not written again.
		return [
			await writeDeliveriesOnce(
				this,
				this.getInputData(),
				async (indexes) => await contact.execute.call(this, indexes, destination),
				toError,
			),
		];
	}
}
