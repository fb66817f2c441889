import type { IExecuteFunctions } from 'n8n-workflow';
import type { GetResponseDestination } from '@ecomail-bridge/shared';
import type { ItemResult } from '../Ecomail/actions/perItem';
import { mappedValues, readFieldsContact } from '../destination/fieldsContact';
import { upsertContacts } from '../destination/upsert.execute';

export { description } from './contact.description';

/** Create or update contacts of the chosen campaign; the output names it as `campaignId`. */
export async function execute(
	this: IExecuteFunctions,
	indexes: readonly number[],
	destination: GetResponseDestination,
): Promise<Map<number, ItemResult>> {
	return await upsertContacts.call(
		this,
		{
			label: 'GetResponse',
			destination,
			target: (index) => {
				const campaignId = String(
					this.getNodeParameter('campaign', index, '', { extractValue: true }),
				);
				return { value: campaignId, field: { campaignId } };
			},
			fieldsContact: (index) =>
				readFieldsContact(this, index, mappedValues(this, index, 'customFields')),
		},
		indexes,
	);
}
