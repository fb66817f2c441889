import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { SubscriberData } from '@ecomail-bridge/shared';

const text = (displayName: string, name: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
});

/** Ecomail's standard contact fields (`subscriber_data`, docs/ecomail-api.md §3.2). */
export const contactFieldsCollection: INodeProperties = {
	displayName: 'Contact Fields',
	name: 'contactFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		text('Birthday', 'birthday', 'Date as YYYY-MM-DD'),
		text('City', 'city', 'City of the contact’s address'),
		text('Company', 'company', 'Company the contact works for'),
		text(
			'Country',
			'country',
			'Two-letter country code, e.g. CZ; Ecomail picks the name-day calendar by it',
		),
		text('First Name', 'name', 'First name; Ecomail derives vocative, gender and name day from it'),
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			default: 'female',
			description:
				'Gender used for Czech and Slovak greetings; Ecomail derives it from the first name when not set',
			options: [
				{ name: 'Female', value: 'female' },
				{ name: 'Male', value: 'male' },
			],
		},
		text('Last Name', 'surname', 'Last name of the contact'),
		text('Name Day', 'nameday', 'Date as MM-DD'),
		text('Phone', 'phone', 'Phone number, best with the country prefix, e.g. +420 601 234 567'),
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
		text('Street', 'street', 'Street and number of the contact’s address'),
		text('Title After Name', 'surtitle', 'Academic title written after the name, e.g. Ph.D.'),
		text('Title Before Name', 'pretitle', 'Academic title written before the name, e.g. Ing.'),
		text(
			'Vocative',
			'vokativ',
			'Czech vocative of the first name; Ecomail derives it when left empty',
		),
		text('ZIP', 'zip', 'Postal code of the contact’s address'),
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
