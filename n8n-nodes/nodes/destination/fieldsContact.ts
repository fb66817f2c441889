import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';
import type { SubscriberData } from '@ecomail-bridge/shared';
import { readContactFields } from '../Ecomail/actions/contact/contactFields';

/**
 * "Fields Below" of one item in the core's contact shape: e-mail, the contact fields, tags that
 * are not blank, and the service's custom data as `custom_fields` (empty values left out, so they
 * never blank a stored one).
 */
export function readFieldsContact(
	context: IExecuteFunctions,
	index: number,
	customFields: Record<string, string | number | boolean>,
): SubscriberData {
	const subscriber: SubscriberData = {
		...readContactFields(context.getNodeParameter('contactFields', index, {}) as IDataObject),
		email: String(context.getNodeParameter('email', index, '')),
	};
	const tags = (context.getNodeParameter('tags', index, []) as string[]).filter(
		(tag) => tag.trim() !== '',
	);
	if (tags.length > 0) subscriber.tags = tags;
	if (Object.keys(customFields).length > 0) subscriber.custom_fields = customFields;
	return subscriber;
}

/** A custom value as the core takes it: text, numbers and booleans as they are, the rest as JSON. */
export function customValue(value: unknown): string | number | boolean | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
		return value;
	return JSON.stringify(value);
}

/**
 * Values of a resource-mapper parameter by field id (set below, or taken from the input fields of
 * the same names); empty ones are left out.
 */
export function mappedValues(
	context: IExecuteFunctions,
	index: number,
	parameter: string,
): Record<string, string | number | boolean> {
	const columns = context.getNodeParameter(parameter, index, {
		mappingMode: 'defineBelow',
		value: null,
	}) as ResourceMapperValue;
	const json = context.getInputData()[index].json;
	const source: IDataObject =
		columns.mappingMode === 'autoMapInputData'
			? Object.fromEntries((columns.schema ?? []).map((field) => [field.id, json[field.id]]))
			: (columns.value ?? {});
	const values: Record<string, string | number | boolean> = {};
	for (const [key, raw] of Object.entries(source)) {
		const value = customValue(raw);
		if (value !== undefined) values[key] = value;
	}
	return values;
}
