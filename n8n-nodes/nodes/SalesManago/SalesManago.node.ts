import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { contactUpsertOperation } from '../destination/upsert.description';
import { eachItem } from '../Ecomail/actions/perItem';
import { writeDeliveriesOnce } from '../Ecomail/actions/writeOnce';
import { destinationItemError } from '../destination/itemError';
import * as contact from './contact.operation';
import * as event from './event.operation';
import { SALESMANAGO_CREDENTIAL_HELP, salesManagoDestinationFor } from './transport';

/**
 * SALESmanago as a destination (docs/salesmanago.md): contacts from fields, GoOut purchases or
 * Ellity events through the core's jobs, and external events one by one.
 */
export class SalesManago implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SALESmanago',
		name: 'salesManago',
		icon: {
			light: 'file:../../icons/salesmanago.svg',
			dark: 'file:../../icons/salesmanago.dark.svg',
		},
		group: ['output'],
		version: 1,
		// The Operation field's action text, per resource; written out because n8n's lint reads it literally.
		subtitle:
			'={{ $parameter["resource"] === "event" ? "Create or update external event" : "Create or update contact" }}',
		description:
			'Create or update SALESmanago contacts in bulk from fields, GoOut purchases or Ellity events, and send external events',
		defaults: { name: 'SALESmanago' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'salesManagoApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'External Event', value: 'event' },
				],
				default: 'contact',
			},
			contactUpsertOperation,
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['event'] } },
				options: [
					{
						name: 'Create or Update',
						value: 'upsert',
						action: 'Create or update external event',
						description:
							'Create a new record, or update the current one if it already exists (upsert)',
					},
				],
				default: 'upsert',
			},
			...contact.description,
			...event.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		if (operation !== 'upsert' || (resource !== 'contact' && resource !== 'event')) {
			throw new NodeOperationError(
				this.getNode(),
				`The operation "${operation}" of "${resource}" is not supported`,
			);
		}
		const destination = await salesManagoDestinationFor(this);
		const toError = destinationItemError({
			destination,
			credentialHelp: SALESMANAGO_CREDENTIAL_HELP,
		});
		// Items of a webhook delivery another execution already took are not written again.
		const write = async (indexes: number[]) =>
			resource === 'contact'
				? await contact.execute.call(this, indexes, destination)
				: await eachItem(this, indexes, (index) =>
						event.executeItem.call(this, index, destination),
					);
		return [await writeDeliveriesOnce(this, this.getInputData(), write, toError)];
	}
}
