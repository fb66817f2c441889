import type { INodeProperties, INodeType } from 'n8n-workflow';
import {
	DEFAULT_CREATE_ORDERS,
	DEFAULT_INCLUDE_REFUNDED,
	DEFAULT_SHOP_CONSENT_MODE,
	DEFAULT_SHOP_SEGMENT_TAGS,
	DEFAULT_SUBSCRIBE_CHOICES,
	DEFAULT_TAG_HANDLING,
	IDOSELL_ORDER_STATUSES,
	IMPORT_MODES,
	INCLUDE_REFUNDED_TEXT,
	SHOP_CONSENT_MODE_TEXT,
	salesManagoUnsupportedChoice,
	SUBSCRIBE_CHOICE_TEXT,
	TAG_HANDLING_TEXT,
} from '@ecomail-bridge/shared';
import { loadPackage } from './harness/runWorkflow';

/** n8n's lint wants literal defaults; these must stay the core's. */
async function properties(name: string): Promise<INodeProperties[]> {
	return ((await loadPackage()).getNode(name).type as INodeType).description.properties;
}

describe('options offered with the core’s labels and defaults', () => {
	it('Create or Update: subscribe choices, orders, tag handling', async () => {
		const options = (await properties('ecomail')).find(
			(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('upsert'),
		)!.options as INodeProperties[];
		const byName = new Map(options.map((option) => [option.name, option]));
		for (const [name, value] of Object.entries(DEFAULT_SUBSCRIBE_CHOICES)) {
			expect([name, byName.get(name)?.displayName, byName.get(name)?.default]).toEqual([
				name,
				SUBSCRIBE_CHOICE_TEXT[name as keyof typeof SUBSCRIBE_CHOICE_TEXT].label,
				value,
			]);
		}
		expect(byName.get('createOrder')?.default).toBe(DEFAULT_CREATE_ORDERS);
		const tagHandling = byName.get('tagHandling')!;
		expect(tagHandling.default).toBe(DEFAULT_TAG_HANDLING);
		// The field itself says that keeping tags reads contacts first, and what that costs.
		expect(tagHandling.description).toBe(
			`${TAG_HANDLING_TEXT.add.label} (the default): ${TAG_HANDLING_TEXT.add.description} ${TAG_HANDLING_TEXT.replace.label} reads no contact first. It suits imports that carry every tag of each contact.`,
		);
	});

	it('Map From: Shop Order and the IdoSell Trigger: consent mode, tag names, statuses', async () => {
		const modes = Object.entries(SHOP_CONSENT_MODE_TEXT).map(([value, text]) => ({
			name: text.label,
			value,
			description: text.description,
		}));
		const upsert = (await properties('ecomail')).filter((p) =>
			p.displayOptions?.show?.operation?.includes('upsert'),
		);
		const nodeMode = upsert.find((p) => p.name === 'consentMode')!;
		const trigger = await properties('idoSellTrigger');
		const triggerMode = trigger.find((p) => p.name === 'consentMode')!;
		for (const mode of [nodeMode, triggerMode]) {
			expect([mode.displayName, mode.default, mode.options]).toEqual([
				'Consent Mode',
				DEFAULT_SHOP_CONSENT_MODE,
				modes,
			]);
		}
		const options = upsert.find((p) => p.name === 'options')!.options as INodeProperties[];
		const defaults = Object.fromEntries(
			['registeredTag', 'newsletterTag', 'categoryTags'].map((name) => [
				name,
				options.find((option) => option.name === name)?.default,
			]),
		);
		expect(defaults).toEqual({
			registeredTag: DEFAULT_SHOP_SEGMENT_TAGS.registered,
			newsletterTag: DEFAULT_SHOP_SEGMENT_TAGS.newsletter,
			// The core tags category levels unless told not to (ShopTagOptions.categoryTags).
			categoryTags: true,
		});
		const statuses = trigger.find((p) => p.name === 'statuses')!;
		expect([statuses.default, statuses.options]).toEqual([
			[],
			IDOSELL_ORDER_STATUSES.map((status) => ({ name: status.label, value: status.value })),
		]);
	});

	it('GoOut Trigger: refunded purchases', async () => {
		const option = (await properties('goOutTrigger')).find((p) => p.name === 'includeRefunded')!;
		expect([option.displayName, option.default]).toEqual([
			INCLUDE_REFUNDED_TEXT.label,
			DEFAULT_INCLUDE_REFUNDED,
		]);
	});

	it('Track Event and the contact fields describe every field', async () => {
		const all = await properties('ecomail');
		const track = all.filter((p) => p.displayOptions?.show?.operation?.includes('track'));
		const trackFields = track.flatMap((p) =>
			p.type === 'collection' ? (p.options as INodeProperties[]) : [p],
		);
		expect(trackFields.filter((p) => !p.description).map((p) => p.name)).toEqual([]);
		const contactFields = all.find((p) => p.name === 'contactFields')!.options as INodeProperties[];
		expect(contactFields.filter((p) => !p.description).map((p) => p.name)).toEqual([]);
	});
});

describe('the destination nodes offer the core’s choices, and only those their service honours', () => {
	async function upsertOptions(node: string): Promise<Map<string, INodeProperties>> {
		const options = (await properties(node)).find(
			(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes('upsert'),
		)!.options as INodeProperties[];
		return new Map(options.map((option) => [option.name, option]));
	}

	it.each([
		['getResponseBridge', ['eventFields', 'importMode', 'triggerAutomations', 'tagHandling', 'personalization']],
		['salesManago', ['createOrder', 'eventFields', 'importMode', 'resubscribe', 'shop', 'triggerAutomations', 'personalization']],
	])('%s: its options, sorted by label, with the core’s labels and defaults', async (node, names) => {
		const byName = await upsertOptions(node);
		expect([...byName.keys()]).toEqual(names);
		const labels = [...byName.values()].map((option) => option.displayName);
		expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
		for (const [name, value] of Object.entries(DEFAULT_SUBSCRIBE_CHOICES)) {
			if (!byName.has(name)) continue;
			expect([byName.get(name)?.displayName, byName.get(name)?.default]).toEqual([
				SUBSCRIBE_CHOICE_TEXT[name as keyof typeof SUBSCRIBE_CHOICE_TEXT].label,
				value,
			]);
		}
		expect(byName.get('importMode')?.default).toBe('add-and-update');
		expect((byName.get('importMode')?.options ?? []).map((o) => (o as { value: string }).value)).toEqual(
			IMPORT_MODES.map((mode) => mode.value),
		);
		if (byName.has('tagHandling')) expect(byName.get('tagHandling')?.default).toBe(DEFAULT_TAG_HANDLING);
		if (byName.has('createOrder')) expect(byName.get('createOrder')?.default).toBe(DEFAULT_CREATE_ORDERS);
	});

	it('SALESmanago: every contact field and event field says what it is, sorted by label', async () => {
		const all = await properties('salesManago');
		const fields = [
			...(all.find((p) => p.name === 'contactFields')!.options as INodeProperties[]),
			...(all.find((p) => p.name === 'additionalFields')!.options as INodeProperties[]),
		];
		expect(fields.filter((p) => !p.description).map((p) => p.name)).toEqual([]);
		const labels = (all.find((p) => p.name === 'contactFields')!.options as INodeProperties[]).map((p) => p.displayName);
		expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
	});

	it('SALESmanago: no option it offers is one the core says SALESmanago cannot honour', async () => {
		const byName = await upsertOptions('salesManago');
		const choices = Object.keys(DEFAULT_SUBSCRIBE_CHOICES).filter((name) => byName.has(name));
		for (const name of choices) {
			expect(salesManagoUnsupportedChoice({ subscribe: { [name]: true } })).toBeUndefined();
		}
		// What it cannot do is left out, not offered and refused later.
		expect(salesManagoUnsupportedChoice({ tagHandling: 'replace' })).toBeDefined();
		expect(['tagHandling', 'doubleOptIn', 'triggerNotification'].filter((name) => byName.has(name))).toEqual([]);
	});
});
