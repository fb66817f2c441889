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
	IDOSELL_ORDER_STATUSES,
	IdoSellApiError,
	IdoSellAuthError,
	IdoSellQuotaError,
	OrderCursor,
	SHOP_CONSENT_MODE_TEXT,
	toShopDateTime,
	type OrderCursorState,
	type ShopConsentMode,
	type ShopOrderSelection,
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
				displayName: 'Consent Mode',
				name: 'consentMode',
				type: 'options',
				// DEFAULT_SHOP_CONSENT_MODE as a literal, for n8n's lint; the engine tests check it.
				default: 'consented',
				description:
					'Which shoppers’ orders are emitted, by their e-mail newsletter consent for the order’s shop. The Ecomail node’s Map From: Shop Order makes the same choice: set both to Everybody to send everybody.',
				options: (Object.keys(SHOP_CONSENT_MODE_TEXT) as ShopConsentMode[]).map((mode) => ({
					name: SHOP_CONSENT_MODE_TEXT[mode].label,
					value: mode,
					description: SHOP_CONSENT_MODE_TEXT[mode].description,
				})),
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: [],
				description:
					'Emit only orders that are in one of these statuses now. Empty: every status. Keep Cancelled, False, Lost and Merged in so that cancellations reach Ecomail as order status changes.',
				options: IDOSELL_ORDER_STATUSES.map((status) => ({ name: status.label, value: status.value })),
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
			const select: ShopOrderSelection = {
				statuses: this.getNodeParameter('statuses', []) as string[],
				consentMode: this.getNodeParameter('consentMode') as ShopConsentMode,
			};
			if (this.getMode() === 'manual') {
				// A sample to map from, one this trigger would emit; the cursor is not touched.
				for await (const order of source.orders(new OrderCursor(undefined), { maxOrders: 1, select })) {
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
					for await (const order of source.orders(cursor, { maxOrders, select })) items.push({ json: order as unknown as IDataObject });
				}
				// Every emitted order is taken: n8n saves static data with the items of this poll.
				for (const item of items) cursor.take(item.json as unknown as { orderId: string; changedAt: string });
				// Written only when it moved: n8n saves the workflow's static data after every poll that changes it.
				const next = JSON.stringify(cursor.toState());
				if (JSON.stringify(stored) !== next) staticData[CURSOR_KEY] = JSON.parse(next) as IDataObject;
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
