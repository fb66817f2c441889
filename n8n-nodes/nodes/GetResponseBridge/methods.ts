import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	ResourceMapperFields,
} from 'n8n-workflow';
import { STANDARD_FIELD_NAMES } from '@ecomail-bridge/shared';
import { getResponseDestinationFor } from './transport';

/** Campaigns (GetResponse's lists) for the "From List" mode of the campaign locator. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const campaigns = await (await getResponseDestinationFor(this)).client.listCampaigns();
	const needle = filter?.trim().toLowerCase() ?? '';
	return {
		results: campaigns
			.filter(
				(campaign) =>
					!needle || `${campaign.name} ${campaign.campaignId}`.toLowerCase().includes(needle),
			)
			.map((campaign) => ({ name: campaign.name, value: campaign.campaignId })),
	};
}

/**
 * The account's custom fields by name, for the Custom Fields mapper. Those the contact fields
 * above fill (city, phone, …) are left out, so no field is offered twice.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const standard = new Set(Object.values(STANDARD_FIELD_NAMES));
	const fields = await (await getResponseDestinationFor(this)).client.listCustomFields();
	return {
		fields: fields
			.filter((field) => !standard.has(field.name))
			.map((field) => ({
				id: field.name,
				displayName: field.name,
				type: 'string',
				required: false,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
			})),
		emptyFieldsNotice: 'This GetResponse account has no custom fields of its own yet',
	};
}
