import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { ecomailClient } from '../transport';

/** Lists for the "From list" mode of the list locator, filtered by name or ID. */
export async function searchLists(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const lists = await (await ecomailClient(this)).getLists();
	const needle = filter?.trim().toLowerCase() ?? '';
	return {
		results: lists
			.filter((list) => !needle || `${list.name} ${list.id}`.toLowerCase().includes(needle))
			.map((list) => ({ name: list.name, value: String(list.id) })),
	};
}
