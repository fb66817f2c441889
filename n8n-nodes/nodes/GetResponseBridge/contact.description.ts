import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { TAG_HANDLING_TEXT } from '@ecomail-bridge/shared';
import {
	contactFieldsOf,
	eventFieldsOption,
	fieldsEmail,
	fieldsTags,
	goOutExtraTags,
	importModeOption,
	mapFromProperty,
	personalizationOption,
	SAVING,
	subscribeChoiceOption,
	textField,
} from '../destination/upsert.description';

/** GetResponse's list: picked from the account's campaigns, or typed as an ID. */
const campaignLocator: INodeProperties = {
	displayName: 'Campaign',
	name: 'campaign',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The GetResponse list (GetResponse calls it a campaign) the contacts belong to',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. V8aBc',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^[A-Za-z0-9]+$',
						errorMessage: 'A campaign ID is letters and digits',
					},
				},
			],
		},
	],
};

/**
 * The contact fields of the core's contact: GetResponse keeps one name, the others as custom
 * fields named as the core's adapter names them (docs/getresponse.md §5.2).
 */
const contactFields = contactFieldsOf(
	['city', 'company', 'phone', 'pretitle', 'street', 'surname', 'surtitle'],
	[
		textField('Birthday', 'birthday', 'Date as YYYY-MM-DD, kept in the custom field birthdate'),
		textField(
			'Country',
			'country',
			'Two-letter country code, e.g. CZ; it picks the name-day calendar',
		),
		textField(
			'First Name',
			'name',
			'First name; GetResponse keeps first and last name as one name',
		),
		textField('Source', 'source', 'Where the contact came from, kept in the custom field source'),
		textField('ZIP', 'zip', 'Postal code, kept in the custom field postal_code'),
	],
);

const upsertProperties: INodeProperties[] = [
	campaignLocator,
	mapFromProperty({
		goOutPurchase:
			'Input items are purchases from the GoOut Trigger: name, country, source GoOut and GoOut tags are filled in. GetResponse keeps no orders: the purchase stays on the contact as tags and fields.',
		ellityEvent:
			'Input items are events from the Ellity Trigger: the ellity_* custom fields of contacts in the campaign are updated. GetResponse keeps no events; nobody is subscribed.',
	}),
	fieldsEmail,
	{
		displayName:
			'Every GetResponse contact is a subscriber of its campaign: enter only people who gave newsletter consent. Confirmation e-mails follow the campaign’s own settings; there is no way known to subscribe again someone who unsubscribed.',
		name: 'consentNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	contactFields,
	fieldsTags(
		'Tags for the contact, in GetResponse’s form (no diacritics, _ for spaces and dashes); missing ones are created. Leave empty to keep its tags untouched.',
	),
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			resourceMapper: {
				resourceMapperMethod: 'getCustomFields',
				mode: 'add',
				valuesLabel: 'Custom Field Values',
				fieldWords: { singular: 'custom field', plural: 'custom fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	goOutExtraTags,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { mapFrom: SAVING } },
		options: [
			eventFieldsOption('in GetResponse custom fields of those names'),
			importModeOption,
			subscribeChoiceOption(
				'triggerAutomations',
				'Whether to start new contacts at day 0 of the campaign’s autoresponder cycle. Off by default so imports of older data mail nobody; contacts already in the campaign are never moved in it.',
			),
			{
				displayName: 'Tag Handling',
				name: 'tagHandling',
				type: 'options',
				default: 'add',
				description: `${TAG_HANDLING_TEXT.add.label} (the default): the contact keeps the tags it has and GetResponse adds these beside them. ${TAG_HANDLING_TEXT.replace.label}: the contact ends up with exactly these tags.`,
				options: [
					{
						name: TAG_HANDLING_TEXT.add.label,
						value: 'add',
						description: 'The contact keeps the tags it already has; these are added',
					},
					{
						name: TAG_HANDLING_TEXT.replace.label,
						value: 'replace',
						description: TAG_HANDLING_TEXT.replace.description,
					},
				],
				displayOptions: { show: { '/mapFrom': SAVING } },
			},
			personalizationOption('(kept in the custom fields vokativ, gender and nameday)'),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['upsert'] } },
	upsertProperties,
);
