import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';
import {
	IdoSellApiError,
	IdoSellAuthError,
	IdoSellQuotaError,
	OrderCursor,
	toShopDateTime,
	type OrderCursorState,
} from '@ecomail-bridge/shared';
import { onePollAtATime } from '../../transport/onePollAtATime';
import { idoSellOrderSource } from './idoSellSource';

/** Key in static data of the order cursor. */
const CURSOR_KEY = 'idosell.orders';
/** How far back the first activation marks orders as seen: the shop's clock zone is unknown [U]. */
const FIRST_ACTIVATION_MARGIN_MS = 24 * 3_600_000;

export class IdoSellTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'IdoSell Trigger',
		name: 'idoSellTrigger',
		icon: { light: 'file:../../icons/idosell.svg', dark: 'file:../../icons/idosell.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New and changed orders',
		description: 'Starts the workflow when orders are placed or change in an IdoSell shop',
		defaults: { name: 'IdoSell Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'idoSellApi', required: true }],
		properties: [
			{
				displayName:
					'Each order is emitted when it is placed and again when it changes (a cancellation has isPurchase false), as one record with the buyer, the lines and the status. The first activation starts from now: older orders are not emitted. Each poll costs about one IdoSell request per 100 orders, counted against a CLOUD shop’s monthly limit.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Max Orders per Poll',
				name: 'maxOrders',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 500,
				description: 'Max number of orders to emit in one poll; the rest follow in the next polls',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			const source = await idoSellOrderSource(this);
			if (this.getMode() === 'manual') {
				// A sample to map from; the cursor is not touched.
				for await (const order of source.orders(new OrderCursor(undefined), { maxOrders: 1 })) {
					return [[{ json: order as unknown as IDataObject }]];
				}
				return null;
			}
			return await onePollAtATime(this, async () => {
				const staticData = this.getWorkflowStaticData('node');
				const stored = staticData[CURSOR_KEY] as OrderCursorState | undefined;
				const cursor = new OrderCursor(stored, toShopDateTime(Date.now() - FIRST_ACTIVATION_MARGIN_MS));
				const items: INodeExecutionData[] = [];
				if (!stored) {
					// First activation: what changed until now is history, not news.
					await source.catchUp(cursor);
				} else {
					const maxOrders = this.getNodeParameter('maxOrders', 500) as number;
					for await (const order of source.orders(cursor, { maxOrders })) items.push({ json: order as unknown as IDataObject });
				}
				// Every emitted order is taken: n8n saves static data with the items of this poll.
				for (const item of items) cursor.take(item.json as unknown as { orderId: string; changedAt: string });
				staticData[CURSOR_KEY] = JSON.parse(JSON.stringify(cursor.toState())) as IDataObject;
				return items.length > 0 ? [items] : null;
			});
		} catch (error) {
			if (error instanceof IdoSellAuthError || error instanceof IdoSellApiError || error instanceof IdoSellQuotaError) {
				throw new NodeApiError(this.getNode(), { message: error.message }, { message: error.message });
			}
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}
