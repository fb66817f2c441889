import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import {
	IMPORT_MODES,
	SUBSCRIBE_CHOICE_TEXT,
	TAG_HANDLING_TEXT,
	type SubscribeChoices,
} from '@ecomail-bridge/shared';
import { emailField, listLocator, tagsField } from '../common.descriptions';
import { contactFieldsCollection } from './contactFields';

/**
 * A subscribe choice's help, in the core's words. Labels and defaults are written out literally
 * (n8n's linter reads them statically); a test checks they equal the core's.
 */
const choiceHelp = (name: keyof SubscribeChoices): string => {
	const text = SUBSCRIBE_CHOICE_TEXT[name].description;
	return `Whether to ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
};

/**
 * Where a subscribe choice takes effect: the import mode "only update existing" never subscribes
 * anybody (the core's updateMembers), so the choices are hidden there.
 */
const subscribing = (mapFrom: MapFromValue[]): IDisplayOptions => ({
	show: { '/mapFrom': mapFrom },
	hide: { importMode: ['update-only'] },
});

type MapFromValue = 'fields' | 'gooutPurchase';

export const upsertProperties: INodeProperties[] = [
	listLocator,
	{
		displayName: 'Map From',
		name: 'mapFrom',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		description:
			'Where the contact data comes from: the fields of this node, or the output of the GoOut or Ellity Trigger',
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
		description:
			'Tags for the contact. Leave empty to keep its tags untouched; Tag Handling under Options says whether these are added to its tags or replace them.',
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	{
		...tagsField,
		displayName: 'Extra Tags',
		description: 'Tags added after the GoOut tags',
		displayOptions: { show: { mapFrom: ['gooutPurchase'] } },
	},
	{
		displayName:
			'Custom Fields: choose a list above, then set each custom field of that list below, or let input fields with the same names fill them',
		name: 'customFieldsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mapFrom: ['fields'] } },
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
				valuesLabel: 'Custom Field Values',
				fieldWords: { singular: 'custom field', plural: 'custom fields' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		// Until a list is chosen there are no fields to load, and n8n would show its red
		// "No custom fields found" instead of asking for the list.
		displayOptions: { show: { mapFrom: ['fields'] }, hide: { list: [''] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		// An Ellity event only updates custom fields of list members: no option applies to it.
		displayOptions: { show: { mapFrom: ['fields', 'gooutPurchase'] } },
		options: [
			{
				displayName: 'Also Create Order',
				name: 'createOrder',
				type: 'boolean',
				default: true,
				description: 'Whether to send each GoOut purchase as an Ecomail order after the buyer is saved',
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
				displayName: 'Resubscribe',
				name: 'resubscribe',
				type: 'boolean',
				default: false,
				description: choiceHelp('resubscribe'),
				displayOptions: subscribing(['fields', 'gooutPurchase']),
			},
			{
				displayName: 'Send Confirmation Email',
				name: 'doubleOptIn',
				type: 'boolean',
				default: false,
				description: choiceHelp('doubleOptIn'),
				displayOptions: subscribing(['fields']),
			},
			{
				displayName: 'Send New-Subscriber Notification',
				name: 'triggerNotification',
				type: 'boolean',
				default: false,
				description: choiceHelp('triggerNotification'),
				displayOptions: subscribing(['fields']),
			},
			{
				displayName: 'Shop',
				name: 'shop',
				type: 'string',
				default: '',
				description: 'Shop name of the orders, used in Ecomail segments',
				// Also Create Order is on by default, so Shop shows until it is switched off.
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'] }, hide: { createOrder: [false] } },
			},
			{
				displayName: 'Start Automations',
				name: 'triggerAutomations',
				type: 'boolean',
				default: false,
				description: choiceHelp('triggerAutomations'),
				displayOptions: subscribing(['fields', 'gooutPurchase']),
			},
			{
				displayName: 'Tag Handling',
				name: 'tagHandling',
				type: 'options',
				default: 'add',
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
