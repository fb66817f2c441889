import type {
	FieldType,
	ILoadOptionsFunctions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { ecomailClient } from '../transport';

/** Ecomail custom-field types → the input n8n shows; unknown types stay plain strings. */
const FIELD_TYPES: Record<string, FieldType> = {
	int: 'number',
	integer: 'number',
	float: 'number',
	number: 'number',
	date: 'string',
	datetime: 'string',
	bool: 'boolean',
	boolean: 'boolean',
};

/** The custom fields defined on the chosen list (`GET /lists/{id}` → `custom_fields`). */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const listId = this.getNodeParameter('list', undefined, { extractValue: true }) as string;
	if (!listId) return { fields: [], emptyFieldsNotice: 'Choose a list first' };
	const list = await (await ecomailClient(this)).getList(listId);
	const fields: ResourceMapperField[] = Object.entries(list.custom_fields).map(
		([key, definition]) => ({
			id: key,
			displayName: definition.name && definition.name !== key ? `${definition.name} (${key})` : key,
			type: FIELD_TYPES[definition.type?.toLowerCase()] ?? 'string',
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
		}),
	);
	return { fields, emptyFieldsNotice: 'This list has no custom fields' };
}
