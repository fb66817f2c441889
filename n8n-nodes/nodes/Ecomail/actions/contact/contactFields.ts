import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { SubscriberData } from '@ecomail-bridge/shared';

const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
});

/** Ecomail's standard contact fields (`subscriber_data`, ecomail-api.md §3.2). */
export const contactFieldsCollection: INodeProperties = {
	displayName: 'Contact Fields',
	name: 'contactFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		text('Birthday', 'birthday', 'Date as YYYY-MM-DD'),
		text('City', 'city'),
		text('Company', 'company'),
		text(
			'Country',
			'country',
			'Two-letter country code, e.g. CZ; Ecomail picks the name-day calendar by it',
		),
		text('First Name', 'name'),
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			default: 'female',
			options: [
				{ name: 'Female', value: 'female' },
				{ name: 'Male', value: 'male' },
			],
		},
		text('Last Name', 'surname'),
		text('Name Day', 'nameday', 'Date as MM-DD'),
		text('Phone', 'phone'),
		text(
			'Source',
			'source',
			'Where the contact came from, shown in Ecomail and usable in segments',
		),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 1,
			description: 'List status. Set Subscribed only for contacts who gave newsletter consent.',
			options: [
				{ name: 'Subscribed', value: 1 },
				{ name: 'Unsubscribed', value: 2 },
			],
		},
		text('Street', 'street'),
		text('Title After Name', 'surtitle'),
		text('Title Before Name', 'pretitle'),
		text(
			'Vocative',
			'vokativ',
			'Czech vocative of the first name; Ecomail derives it when left empty',
		),
		text('ZIP', 'zip'),
	],
};

/** The collection's values as `subscriber_data` fields; empty strings are left out. */
export function readContactFields(values: IDataObject): Omit<SubscriberData, 'email'> {
	const data: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (value === '' || value === undefined || value === null) continue;
		data[key] = typeof value === 'string' ? value.trim() : value;
	}
	return data as Omit<SubscriberData, 'email'>;
}
