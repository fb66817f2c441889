import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { ecomailClient } from '../transport';

export async function getAutomations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const automations = await (await ecomailClient(this)).getAutomations();
	return automations
		.map((automation) => ({ name: automation.name, value: String(automation.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
