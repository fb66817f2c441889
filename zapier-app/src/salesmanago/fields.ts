/**
 * Input fields the SALESmanago creates share. SALESmanago has no lists: every contact of the
 * account is one contact, so no field picks a target (the core's jobs get an empty one).
 */
import { IMPORT_MODES, type ImportMode } from '@ecomail-bridge/shared';
import type { PlainInputField } from 'zapier-platform-core';
import { emailField as ecomailEmailField } from '../ecomail/fields';
import { importModeField } from '../ecomail/import-mode-field';
import { destinationContactFields } from '../destinations/contact-fields';
import { zapierWording } from '../platform/wording';

/** The core's jobs take a target; SALESmanago's destination has none to choose. */
export const NO_TARGET = '';

/** What each of the core's import modes does in SALESmanago, which has contacts but no lists. */
const IMPORT_MODE_EFFECTS: Record<ImportMode, string> = {
  'add-and-update': 'new emails become contacts; existing contacts get the new data.',
  'add-only': 'new emails become contacts; existing contacts are left exactly as they are.',
  'update-only': 'existing contacts get the new data; emails SALESmanago does not know are skipped.',
};

/** The core's import modes with their labels and default, said in SALESmanago's terms. */
export const salesManagoImportModeField = {
  ...importModeField,
  helpText: zapierWording(IMPORT_MODES.map((mode) => `**${mode.label}**: ${IMPORT_MODE_EFFECTS[mode.value]}`).join(' ')),
} satisfies PlainInputField;

export const emailField = {
  ...ecomailEmailField,
  helpText: 'SALESmanago identifies the contact by this address (trimmed and lower-cased before sending).',
} satisfies PlainInputField;

/** Where the core's SALESmanago adapter puts each field (docs/salesmanago.md §3). */
export const contactFields = destinationContactFields(['name', 'surname', 'company', 'phone', 'street', 'city', 'zip', 'country', 'gender', 'birthday', 'source'], {
  name: 'SALESmanago keeps one name: first and last name are joined.',
  surname: 'Academic titles such as `Ing.` are split off and kept as the properties `pretitle` / `surtitle`.',
  street: 'Part of the contact’s address.',
  country: 'Two-letter ISO code such as `CZ` or `SK`; it also picks the name-day calendar.',
  gender: 'Kept as the property `gender`. Leave empty to fill it from a Czech or Slovak first name (see **Vocative and Name Day**).',
  birthday: 'As `YYYY-MM-DD`.',
  source: 'Kept as the property `source`, e.g. `Zapier`.',
});

/** Free properties: the core's custom fields, which the SALESmanago adapter sends as properties. */
export const propertiesField = {
  key: 'customFields',
  label: 'Properties',
  dict: true,
  required: false,
  helpText: 'Contact properties (custom details): name on the left, value on the right. Values are sent as text; a property not named keeps its value.',
} satisfies PlainInputField;

export const TAGS_ADD_ONLY =
  'SALESmanago adds the tags named and keeps the contact’s other tags; it cannot replace a contact’s tags, so there is no Tag Handling choice here. Tags are sent upper-case without diacritics (`hudba a tanec` → `HUDBA_A_TANEC`).';

/**
 * Choices of the other apps left out here (the core's `salesManagoUnsupportedChoice` refuses the
 * first two; Start Automations would change nothing but how the event is sent), said once in the
 * descriptions of the actions that leave them out.
 */
export const CHOICES_LEFT_OUT =
  'SALESmanago sends no confirmation email or new-subscriber notification through this connection, and its own automation rules react to the contacts and events that arrive, so those choices are not offered.';

/**
 * Each write looks the contact up first (import mode, opt-out) and Record Ellity Event checks for a
 * repeated delivery before recording: runs for one contact go one at a time, per connection.
 */
export const contactLock = {
  key: 'salesmanago-contact-{{bundle.inputData.email}}',
  scope: ['auth' as const],
  timeout: 60,
};

/** The saved-contact part of the creates' samples. */
export const savedSample = { email: 'petra.novakova@example.cz', already_existed: false, import_mode: 'add-and-update' };
