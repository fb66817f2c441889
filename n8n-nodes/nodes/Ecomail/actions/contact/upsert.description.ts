import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import {
	IMPORT_MODES,
	SHOP_CONSENT_MODE_TEXT,
	SUBSCRIBE_CHOICE_TEXT,
	TAG_HANDLING_TEXT,
	type ShopConsentMode,
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

type MapFromValue = 'fields' | 'gooutPurchase' | 'shopOrder';

/** The sources that save contacts with the options below (an Ellity event only updates fields). */
const SAVING: MapFromValue[] = ['fields', 'gooutPurchase', 'shopOrder'];
/** The sources whose records are also orders. */
const ORDERING: MapFromValue[] = ['gooutPurchase', 'shopOrder'];

export const upsertProperties: INodeProperties[] = [
	listLocator,
	{
		displayName: 'Map From',
		name: 'mapFrom',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		description:
			'Where the contact data comes from: the fields of this node, or the output of the GoOut, IdoSell or Ellity Trigger',
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Set the contact data in this node' },
			{
				name: 'GoOut Purchase',
				value: 'gooutPurchase',
				description:
					'Input items are purchases from the GoOut Trigger: name, country, source GoOut and GoOut tags are filled in',
			},
			{
				name: 'Shop Order',
				value: 'shopOrder',
				description:
					'Input items are orders from the IdoSell Trigger: contact fields, source IdoSell and the IdoSell, account or newsletter and category tags are filled in; the consent mode decides who is sent',
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
		displayName: 'Consent Mode',
		name: 'consentMode',
		type: 'options',
		noDataExpression: true,
		// DEFAULT_SHOP_CONSENT_MODE as a literal, for n8n's lint; the engine tests check it.
		default: 'consented',
		description: 'Which shoppers are sent, by their e-mail newsletter consent for the order’s shop',
		options: (Object.keys(SHOP_CONSENT_MODE_TEXT) as ShopConsentMode[]).map((mode) => ({
			name: SHOP_CONSENT_MODE_TEXT[mode].label,
			value: mode,
			description: SHOP_CONSENT_MODE_TEXT[mode].description,
		})),
		displayOptions: { show: { mapFrom: ['shopOrder'] } },
	},
	{
		...tagsField,
		displayName: 'Extra Tags',
		description: 'Tags added after the GoOut or IdoSell tags',
		displayOptions: { show: { mapFrom: ORDERING } },
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
		displayOptions: { show: { mapFrom: SAVING } },
		options: [
			{
				displayName: 'Also Create Order',
				name: 'createOrder',
				type: 'boolean',
				default: true,
				description:
					'Whether to send each purchase or order as an Ecomail order after the buyer is saved (a cancelled one changes the status of the order sent before)',
				displayOptions: { show: { '/mapFrom': ORDERING } },
			},
			{
				displayName: 'Category Tags',
				name: 'categoryTags',
				type: 'boolean',
				default: true,
				description:
					'Whether to tag each buyer with the levels of the category path of every product bought (at most three)',
				displayOptions: { show: { '/mapFrom': ['shopOrder'] } },
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
				displayOptions: { show: { '/mapFrom': SAVING } },
			},
			{
				displayName: 'Newsletter Tag',
				name: 'newsletterTag',
				type: 'string',
				// DEFAULT_SHOP_SEGMENT_TAGS.newsletter as a literal, for n8n's lint; the engine tests check it.
				default: 'newsletter',
				description:
					'Tag of newsletter subscribers who have no customer account in the shop. Empty: newsletter.',
				displayOptions: { show: { '/mapFrom': ['shopOrder'] } },
			},
			{
				displayName: 'Registered Tag',
				name: 'registeredTag',
				type: 'string',
				// DEFAULT_SHOP_SEGMENT_TAGS.registered as a literal, for n8n's lint; the engine tests check it.
				default: 'rejestracja',
				description: 'Tag of shoppers with a customer account in the shop. Empty: rejestracja.',
				displayOptions: { show: { '/mapFrom': ['shopOrder'] } },
			},
			{
				displayName: 'Resubscribe',
				name: 'resubscribe',
				type: 'boolean',
				default: false,
				description: choiceHelp('resubscribe'),
				displayOptions: subscribing(SAVING),
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
				displayOptions: { show: { '/mapFrom': ORDERING }, hide: { createOrder: [false] } },
			},
			{
				displayName: 'Start Automations',
				name: 'triggerAutomations',
				type: 'boolean',
				default: false,
				description: choiceHelp('triggerAutomations'),
				displayOptions: subscribing(SAVING),
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
