import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { ecomailClient } from '../transport';
import * as automation from './automation/Automation.resource';
import * as contact from './contact/Contact.resource';
import * as event from './event/Event.resource';
import * as order from './order/Order.resource';
import { eachItem, type ItemResult } from './perItem';
import { writeDeliveriesOnce } from './writeOnce';

/** An operation that takes the items at once, so it can batch them (Create or Update). */
type BatchOperation = {
	execute: (
		this: IExecuteFunctions,
		items: INodeExecutionData[],
		indexes: readonly number[],
		client: EcomailClient,
	) => Promise<Map<number, ItemResult>>;
};
/** An operation that handles one item; the router pairs results and applies continue-on-fail. */
type ItemOperation = {
	executeItem: (
		this: IExecuteFunctions,
		index: number,
		client: EcomailClient,
		item: INodeExecutionData,
	) => Promise<IDataObject>;
};

const operations: Record<string, Record<string, BatchOperation | ItemOperation>> = {
	automation: automation.operations,
	contact: contact.operations,
	event: event.operations,
	order: order.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return [
		await writeDeliveriesOnce(this, items, async (indexes) => {
			const client = await ecomailClient(this);
			if ('execute' in handler) return await handler.execute.call(this, items, indexes, client);
			return await eachItem(this, indexes, (index) =>
				handler.executeItem.call(this, index, client, items[index]),
			);
		}),
	];
}
