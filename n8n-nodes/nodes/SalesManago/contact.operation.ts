import type { IExecuteFunctions } from 'n8n-workflow';
import type { SalesManagoDestination } from '@ecomail-bridge/shared';
import type { ItemResult } from '../Ecomail/actions/perItem';
import { customValue, readFieldsContact } from '../destination/fieldsContact';
import { upsertContacts } from '../destination/upsert.execute';

export { description } from './contact.description';

interface PropertyRows {
	property?: Array<{ name?: string; value?: string }>;
}

/**
 * Create or update contacts in the account of the credential's owner: SALESmanago has no lists,
 * so every item goes to that one target and the output names none.
 */
export async function execute(
	this: IExecuteFunctions,
	indexes: readonly number[],
	destination: SalesManagoDestination,
): Promise<Map<number, ItemResult>> {
	return await upsertContacts.call(
		this,
		{
			label: 'SALESmanago',
			destination,
			target: () => ({ value: destination.client.owner, field: {} }),
			fieldsContact: (index) => readFieldsContact(this, index, readProperties(this, index)),
		},
		indexes,
	);
}

/** The Properties rows of one item; rows without a name or value are left out. */
function readProperties(
	context: IExecuteFunctions,
	index: number,
): Record<string, string | number | boolean> {
	const rows = (context.getNodeParameter('properties', index, {}) as PropertyRows).property ?? [];
	const properties: Record<string, string | number | boolean> = {};
	for (const row of rows) {
		const name = row.name?.trim();
		const value = customValue(row.value);
		if (name && value !== undefined) properties[name] = value;
	}
	return properties;
}
