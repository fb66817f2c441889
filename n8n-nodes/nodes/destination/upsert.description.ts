import type { INodeProperties } from 'n8n-workflow';
import { IMPORT_MODES, SUBSCRIBE_CHOICE_TEXT, type SubscribeChoices } from '@ecomail-bridge/shared';
import { emailField, tagsField } from '../Ecomail/actions/common.descriptions';
import { contactFieldsCollection } from '../Ecomail/actions/contact/contactFields';

/**
 * The parts of Contact → Create or Update that read the same in every destination node: the
 * three sources, the e-mail and tags of "Fields Below", the tags added to GoOut buyers, and the
 * options with the core's labels and defaults. What the service does with them is said by the
 * node that offers them.
 */
/** Contact's one operation in the destination nodes. */
export const contactUpsertOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['contact'] } },
	options: [
		{
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update contact',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
		},
	],
	default: 'upsert',
};

/** A plain text field of a collection, with its help. */
export const textField = (
	displayName: string,
	name: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
});

/**
 * "Contact Fields" of a destination: the core contact's fields whose help holds for any service,
 * worded as in the Ecomail node, plus the node's own for those the service keeps its own way;
 * sorted by label.
 */
export function contactFieldsOf(
	shared: readonly string[],
	own: INodeProperties[],
): INodeProperties {
	const common = (contactFieldsCollection.options as INodeProperties[]).filter((field) =>
		shared.includes(field.name),
	);
	return {
		...contactFieldsCollection,
		displayOptions: { show: { mapFrom: ['fields'] } },
		options: [...common, ...own].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function mapFromProperty(help: {
	goOutPurchase: string;
	ellityEvent: string;
}): INodeProperties {
	return {
		displayName: 'Map From',
		name: 'mapFrom',
		type: 'options',
		noDataExpression: true,
		default: 'fields',
		description:
			'Where the contact data comes from: the fields of this node, or the output of the GoOut or Ellity Trigger',
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Set the contact data in this node' },
			{ name: 'GoOut Purchase', value: 'gooutPurchase', description: help.goOutPurchase },
			{ name: 'Ellity Event', value: 'ellityEvent', description: help.ellityEvent },
		],
	};
}

export const fieldsEmail: INodeProperties = {
	...emailField,
	default: '={{ $json.email }}',
	displayOptions: { show: { mapFrom: ['fields'] } },
};

export function fieldsTags(description: string): INodeProperties {
	return { ...tagsField, description, displayOptions: { show: { mapFrom: ['fields'] } } };
}

export const goOutExtraTags: INodeProperties = {
	...tagsField,
	displayName: 'Extra Tags',
	description: 'Tags added after the GoOut tags',
	displayOptions: { show: { mapFrom: ['gooutPurchase'] } },
};

/** The sources that save contacts with the options (an Ellity event only updates existing ones). */
export const SAVING = ['fields', 'gooutPurchase'];

export const eventFieldsOption = (where: string): INodeProperties => ({
	displayName: 'Event Fields',
	name: 'eventFields',
	type: 'boolean',
	default: false,
	description: `Whether to store the last event name and start as goout_last_event and goout_last_event_start ${where}`,
	displayOptions: { show: { '/mapFrom': ['gooutPurchase'] } },
});

export const importModeOption: INodeProperties = {
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
};

/**
 * A subscribe choice under the core's label. Its help is the core's where the core's words hold
 * for this service, else the node's own; "only update existing" subscribes nobody, so the choice
 * is hidden there.
 */
export function subscribeChoiceOption(
	name: keyof SubscribeChoices,
	description = `Whether to ${lowerFirst(SUBSCRIBE_CHOICE_TEXT[name].description)}`,
): INodeProperties {
	return {
		displayName: SUBSCRIBE_CHOICE_TEXT[name].label,
		name,
		type: 'boolean',
		default: false,
		description,
		displayOptions: { show: { '/mapFrom': SAVING }, hide: { importMode: ['update-only'] } },
	};
}

export const personalizationOption = (where: string): INodeProperties => ({
	displayName: 'Vocative and Name Day',
	name: 'personalization',
	type: 'boolean',
	default: true,
	description: `Whether to clean up names (case, spaces, titles) and fill vocative, gender and name day for Czech and Slovak contacts ${where}`,
	displayOptions: { show: { '/mapFrom': SAVING } },
});

function lowerFirst(text: string): string {
	return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
