/**
 * The choices a user makes about a contact write, as Zapier fields with the core's labels, help
 * texts and defaults (`SUBSCRIBE_CHOICE_TEXT`, `TAG_HANDLING_TEXT`), and their readers. The shell
 * passes the answers to the core's jobs unchanged; an empty field means the core's default.
 */
import {
  DEFAULT_CREATE_ORDERS,
  DEFAULT_SUBSCRIBE_CHOICES,
  DEFAULT_TAG_HANDLING,
  SUBSCRIBE_CHOICE_TEXT,
  TAG_HANDLING_TEXT,
  type SubscribeChoices,
  type TagHandling,
} from '@ecomail-bridge/shared';
import type { PlainInputField } from 'zapier-platform-core';
import { optionalFlag } from '../platform/input';
import { zapierWording } from '../platform/wording';

type Choice = keyof SubscribeChoices;

export function subscribeChoiceField(name: Choice): PlainInputField {
  return {
    key: name,
    label: zapierWording(SUBSCRIBE_CHOICE_TEXT[name].label),
    type: 'boolean',
    required: false,
    default: String(DEFAULT_SUBSCRIBE_CHOICES[name]),
    helpText: zapierWording(SUBSCRIBE_CHOICE_TEXT[name].description),
  };
}

/** The user's answers to the offered choices; empty or not offered → the core's default. */
export function subscribeChoicesFrom(input: Record<string, unknown>, offered: readonly Choice[]): SubscribeChoices {
  const choices: SubscribeChoices = {};
  for (const name of offered) {
    const answer = optionalFlag(input[name]);
    if (answer !== undefined) choices[name] = answer;
  }
  return choices;
}

const TAG_HANDLINGS: readonly TagHandling[] = ['add', 'replace'];

export const tagHandlingField = {
  key: 'tagHandling',
  label: 'Tag Handling',
  type: 'string',
  required: false,
  default: DEFAULT_TAG_HANDLING,
  choices: TAG_HANDLINGS.map((value) => ({ value, label: zapierWording(TAG_HANDLING_TEXT[value].label), sample: value })),
  helpText: zapierWording(TAG_HANDLINGS.map((value) => `**${TAG_HANDLING_TEXT[value].label}**: ${TAG_HANDLING_TEXT[value].description}`).join(' ')),
} satisfies PlainInputField;

/** Empty or unknown → undefined: the core's default applies. */
export function tagHandlingOf(value: unknown): TagHandling | undefined {
  return TAG_HANDLINGS.find((handling) => handling === value);
}

export const personalizationField = {
  key: 'personalization',
  label: 'Vocative and Name Day',
  type: 'boolean',
  required: false,
  default: 'true',
  helpText: 'Clean up names (case, spaces, academic titles into their own fields) and fill vocative, gender and name day for Czech and Slovak contacts (or contacts without a country). Values you map into those fields win.',
} satisfies PlainInputField;

/** Whether a purchase or shop order is also sent as an Ecomail order, the core's default on. */
export function createOrderField(helpText: string): PlainInputField {
  return { key: 'createOrder', label: 'Also Create Order', type: 'boolean', required: false, default: String(DEFAULT_CREATE_ORDERS), helpText };
}

export const orderShopField = {
  key: 'shop',
  label: 'Shop',
  type: 'string',
  required: false,
  helpText: 'Shop name of the order, used in Ecomail segments.',
} satisfies PlainInputField;
