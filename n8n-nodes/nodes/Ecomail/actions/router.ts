import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { EcomailClient } from '@ecomail-bridge/shared';
import { ecomailClient } from '../transport';
import * as automation from './automation/Automation.resource';
import * as contact from './contact/Contact.resource';
import * as event from './event/Event.resource';
import * as order from './order/Order.resource';

type Operation = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: EcomailClient,
) => Promise<INodeExecutionData[]>;

const operations: Record<string, Record<string, { execute: Operation }>> = {
	automation: automation.operations,
	contact: contact.operations,
	event: event.operations,
	order: order.operations,
};

/** Hands all input items to the chosen operation at once, so operations can batch them. */
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
	return [await handler.execute.call(this, items, await ecomailClient(this))];
}
