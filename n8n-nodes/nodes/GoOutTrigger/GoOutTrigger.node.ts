import type {
	IDataObject,
	JsonObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';
import { GoOutApiError, GoOutReconnectError, INCLUDE_REFUNDED_TEXT } from '@ecomail-bridge/shared';
import { onePollAtATime } from '../../transport/onePollAtATime';
import { staticDataStore } from '../../transport/staticDataStore';
import { goOutPurchaseSource } from './goOutSource';

/** Key in static data of the moment from which purchases count as new. */
const SINCE_KEY = 'since';

export class GoOutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GoOut Trigger',
		name: 'goOutTrigger',
		icon: { light: 'file:../../icons/goout.svg', dark: 'file:../../icons/goout.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New purchases',
		description: 'Starts the workflow when tickets are bought on GoOut',
		defaults: { name: 'GoOut Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'goOutApi', required: true }],
		properties: [
			{
				displayName:
					'Each new purchase is emitted once, as a record with buyer, items and GoOut tags. When an emitted purchase is refunded it is emitted again with status refunded. The first activation starts from now unless "Include Purchases Since" is set.',
				name: 'pollNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Organizer ID',
				name: 'organizerId',
				type: 'string',
				default: '',
				description: 'Only sales of this organizer. Leave empty for every sale the token can see.',
			},
			{
				displayName: 'Include Purchases Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description:
					'Emit older purchases from this moment on too (a backfill). Empty: only purchases made after the trigger was first activated.',
			},
			{
				displayName: INCLUDE_REFUNDED_TEXT.label,
				name: 'includeRefunded',
				type: 'boolean',
				// DEFAULT_INCLUDE_REFUNDED as a literal, for n8n's lint; the engine tests check it.
				default: false,
				description: `Whether to ${INCLUDE_REFUNDED_TEXT.description.charAt(0).toLowerCase()}${INCLUDE_REFUNDED_TEXT.description.slice(1)}`,
			},
			{
				displayName: 'Max Purchases per Poll',
				name: 'maxPurchases',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 500,
				description:
					'Max number of purchases to emit in one poll; the rest follow in the next polls',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const organizerId = (this.getNodeParameter('organizerId', '') as string).trim() || undefined;
		try {
			const source = await goOutPurchaseSource(this);
			if (this.getMode() === 'manual') {
				// A sample to map from; the cursor is not touched.
				const sample = await source.fetchOne({ organizerId });
				return sample ? [[{ json: sample as unknown as IDataObject }]] : null;
			}
			return await onePollAtATime(this, async () => {
				const staticData = this.getWorkflowStaticData('node');
				const chosen = this.getNodeParameter('since', '') as string;
				// Without a chosen start, remember the first activation: older purchases never flood in.
				staticData[SINCE_KEY] ??= new Date().toISOString();
				const since = chosen ? new Date(chosen).toISOString() : (staticData[SINCE_KEY] as string);
				const items: INodeExecutionData[] = [];
				for await (const purchase of source.purchases({
					organizerId,
					since,
					state: staticDataStore(staticData),
					maxPurchases: this.getNodeParameter('maxPurchases', 500) as number,
					includeRefunded: this.getNodeParameter('includeRefunded', false) as boolean,
				})) {
					items.push({ json: purchase as unknown as IDataObject });
				}
				return items.length > 0 ? [items] : null;
			});
		} catch (error) {
			if (error instanceof GoOutReconnectError || error instanceof GoOutApiError) {
				throw new NodeApiError(
					this.getNode(),
					{ message: error.message },
					{
						message: error.message,
						description:
							error instanceof GoOutReconnectError
								? 'Generate a new token pair in GoOut admin → API tokens and paste it into the GoOut credential'
								: undefined,
					},
				);
			}
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
	}
}
