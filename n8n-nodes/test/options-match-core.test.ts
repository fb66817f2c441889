import type { INodeProperties } from 'n8n-workflow';
import {
	DEFAULT_CREATE_ORDERS,
	DEFAULT_SUBSCRIBE_CHOICES,
	DEFAULT_TAG_HANDLING,
	SUBSCRIBE_CHOICE_TEXT,
} from '@ecomail-bridge/shared';
import { upsertProperties } from '../nodes/Ecomail/actions/contact/upsert.description';

/** The node writes labels and defaults out literally for n8n's linter; they must stay the core's. */
describe('Create or Update offers the core choices with the core labels and defaults', () => {
	const options = (upsertProperties.find((p) => p.name === 'options')?.options ?? []) as INodeProperties[];
	const byName = new Map(options.map((option) => [option.name, option]));

	it.each(Object.keys(DEFAULT_SUBSCRIBE_CHOICES) as Array<keyof typeof DEFAULT_SUBSCRIBE_CHOICES>)('%s', (name) => {
		const option = byName.get(name);
		expect([option?.displayName, option?.default]).toEqual([
			SUBSCRIBE_CHOICE_TEXT[name].label,
			DEFAULT_SUBSCRIBE_CHOICES[name],
		]);
	});

	it('tag handling and orders', () => {
		expect([byName.get('tagHandling')?.default, byName.get('createOrder')?.default]).toEqual([
			DEFAULT_TAG_HANDLING,
			DEFAULT_CREATE_ORDERS,
		]);
	});
});
