import type { INodeProperties } from 'n8n-workflow';
import {
	DEFAULT_TAG_HANDLING,
	IMPORT_MODES,
	SUBSCRIBE_CHOICE_TEXT,
	TAG_HANDLING_TEXT,
	type SubscribeChoices,
} from '@ecomail-bridge/shared';
import { emailField, listLocator, tagsField } from '../common.descriptions';
import { contactFieldsCollection } from './contactFields';

/**
 * The subscribe choices as n8n switches, with the core's labels. n8n's lint wants a literal
 * boolean default: every choice of DEFAULT_SUBSCRIBE_CHOICES is off, which the engine tests check.
 */
const subscribeChoice = (name: keyof SubscribeChoices): INodeProperties => ({
	displayName: SUBSCRIBE_CHOICE_TEXT[name].label,
	name,
	type: 'boolean',
	default: false,
	description: `Whether to ${SUBSCRIBE_CHOICE_TEXT[name].description.charAt(0).toLowerCase()}${SUBSCRIBE_CHOICE_TEXT[name].description.slice(1)}`,
});

export const upsertProperties: INodeProperties[] = [
	listLocator,
	{
		displayName: 'Map From',
		name: 'mapFrom',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		description: 'Where the contact data comes from',
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Set the contact data in this node' },
			{
				name: 'GoOut Purchase',
				value: 'gooutPurchase',
				description:
					'Input items are purchases from the GoOut Trigger: name, country, source GoOut and GoOut tags are filled in',
			},
			{
				name: 'Ellity Event',
				value: 'ellityEvent',
				description:
					'Input items are events from the Ellity Trigger: the ellity_* custom fields of list members are updated, then the Ellity event is tracked. Nobody is subscribed.',
			},
		],
	},
	{
		...emailField,
		default: '={{ $json.email }}',
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{ ...contactFieldsCollection, displayOptions: { show: { mapFrom: ['fields'] } } },
	{
		...tagsField,
		description: 'Tags for the contact. Leave empty to keep its tags untouched.',
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{
		...tagsField,
		displayName: 'Extra Tags',
		description: 'Tags added after the GoOut tags',
		displayOptions: { show: { mapFrom: ['gooutPurchase'] } },
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['list.value'],
			resourceMapper: {
				resourceMapperMethod: 'getCustomFields',
				mode: 'add',
				fieldWords: { singular: 'custom field', plural: 'custom fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Also Create Order',
				name: 'createOrder',
				type: 'boolean',
				// DEFAULT_CREATE_ORDERS as a literal, for n8n's lint; the engine tests check it.
				default: true,
				description:
					'Whether to send each GoOut purchase as an Ecomail order after the buyer is saved',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'] } },
			},
			{
				displayName: 'Event Fields',
				name: 'eventFields',
				type: 'boolean',
				default: false,
				description:
					'Whether to store the last event name and start in the custom fields goout_last_event and goout_last_event_start',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'] } },
			},
			{
				displayName: 'Import Mode',
				name: 'importMode',
				type: 'options',
				default: 'add-and-update',
				options: IMPORT_MODES.map((mode) => ({
					name: mode.label,
					value: mode.value,
					description: mode.description,
				})),
				displayOptions: { show: { '/mapFrom': ['fields', 'gooutPurchase'] } },
			},
			{
				...subscribeChoice('resubscribe'),
				displayOptions: { show: { '/mapFrom': ['fields', 'gooutPurchase'] } },
			},
			{
				...subscribeChoice('doubleOptIn'),
				displayOptions: { show: { '/mapFrom': ['fields'] } },
			},
			{
				...subscribeChoice('triggerNotification'),
				displayOptions: { show: { '/mapFrom': ['fields'] } },
			},
			{
				displayName: 'Shop',
				name: 'shop',
				type: 'string',
				default: '',
				description: 'Shop name of the orders, used in Ecomail segments',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'], createOrder: [true] } },
			},
			{
				...subscribeChoice('triggerAutomations'),
				displayOptions: { show: { '/mapFrom': ['fields', 'gooutPurchase'] } },
			},
			{
				displayName: 'Tag Handling',
				name: 'tagHandling',
				type: 'options',
				default: DEFAULT_TAG_HANDLING,
				description: `${TAG_HANDLING_TEXT.add.label} (the default): ${TAG_HANDLING_TEXT.add.description} ${TAG_HANDLING_TEXT.replace.label} reads no contact first. It suits imports that carry every tag of each contact.`,
				options: (['add', 'replace'] as const).map((value) => ({
					name: TAG_HANDLING_TEXT[value].label,
					value,
					description: TAG_HANDLING_TEXT[value].description,
				})),
				displayOptions: { show: { '/mapFrom': ['fields', 'gooutPurchase'] } },
			},
			{
				displayName: 'Vocative and Name Day',
				name: 'personalization',
				type: 'boolean',
				default: true,
				description:
					'Whether to clean up names (case, spaces, titles) and fill vocative, gender and name day for Czech and Slovak contacts',
				displayOptions: { show: { '/mapFrom': ['fields', 'gooutPurchase'] } },
			},
		],
	},
];
