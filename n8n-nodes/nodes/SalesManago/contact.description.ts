import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
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

/** The contact fields SALESmanago keeps (docs/salesmanago.md §3); the others become properties. */
const contactFields = contactFieldsOf(
	['birthday', 'city', 'company', 'phone', 'street', 'surname', 'zip'],
	[
		textField(
			'Country',
			'country',
			'Two-letter country code, e.g. CZ; it picks the name-day calendar',
		),
		textField(
			'First Name',
			'name',
			'First name; SALESmanago keeps first and last name as one name',
		),
		textField('Source', 'source', 'Where the contact came from, kept as the property source'),
		textField(
			'Title After Name',
			'surtitle',
			'Academic title written after the name, kept as a property',
		),
		textField(
			'Title Before Name',
			'pretitle',
			'Academic title written before the name, kept as a property',
		),
	],
);

/** Free key → text pairs of the contact (`properties`). */
const properties: INodeProperties = {
	displayName: 'Properties',
	name: 'properties',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Property',
	default: {},
	description: 'Custom data of the contact as name and text; empty values are not sent',
	displayOptions: { show: { mapFrom: ['fields'] } },
	options: [
		{
			displayName: 'Property',
			name: 'property',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. loyalty_tier',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

const upsertProperties: INodeProperties[] = [
	mapFromProperty({
		goOutPurchase:
			'Input items are purchases from the GoOut Trigger: name, country, source GoOut and GoOut tags are filled in, each purchase is a PURCHASE event',
		ellityEvent:
			'Input items are events from the Ellity Trigger: the ellity_* properties of existing contacts are updated, then the change is sent as an OTHER event. Nobody is subscribed.',
	}),
	fieldsEmail,
	{
		displayName:
			'New contacts are opted in to e-mail: enter only people who gave newsletter consent, or use Import Mode → Only update existing. SALESmanago sends them no confirmation e-mail from here.',
		name: 'consentNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { mapFrom: ['fields'] } },
	},
	contactFields,
	fieldsTags(
		'Tags added to the contact, in SALESmanago’s form (upper case, no diacritics, _ for spaces). Tags it has stay: SALESmanago cannot replace tags.',
	),
	properties,
	goOutExtraTags,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { mapFrom: SAVING } },
		options: [
			{
				displayName: 'Also Create Order',
				name: 'createOrder',
				type: 'boolean',
				default: true,
				description:
					'Whether to send each GoOut purchase as a PURCHASE event after the buyer is saved (a refund as a CANCELLATION of it)',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'] } },
			},
			eventFieldsOption('in the contact’s properties'),
			importModeOption,
			subscribeChoiceOption(
				'resubscribe',
				'Whether to opt in again contacts who opted out earlier. Only with their consent: GoOut buyers only when they ticked the newsletter box in this purchase.',
			),
			{
				displayName: 'Shop',
				name: 'shop',
				type: 'string',
				default: '',
				description:
					'Location of the PURCHASE events, e.g. goout; SALESmanago rules can filter on it',
				displayOptions: { show: { '/mapFrom': ['gooutPurchase'] }, hide: { createOrder: [false] } },
			},
			subscribeChoiceOption(
				'triggerAutomations',
				'Whether to send each purchase as its own event, in order, for automation rules that start on a purchase. Off: up to 1,000 events a call, for imports of older data.',
			),
			personalizationOption('(kept as properties: vokativ, gender, nameday)'),
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['upsert'] } },
	upsertProperties,
);
