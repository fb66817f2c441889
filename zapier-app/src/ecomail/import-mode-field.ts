import { IMPORT_MODES, isImportMode, type ImportMode } from '@ecomail-bridge/shared';
import type { PlainInputField } from 'zapier-platform-core';
import { zapierWording } from '../platform/wording';

/** The core's import modes as a dropdown; labels and help come from the one definition. */
export const importModeField = {
  key: 'importMode',
  label: 'Import Mode',
  type: 'string',
  required: true,
  // The first mode is the core's default (`saveContacts` without a mode).
  default: IMPORT_MODES[0].value,
  choices: IMPORT_MODES.map((mode) => ({ value: mode.value, label: zapierWording(mode.label), sample: mode.value })),
  helpText: zapierWording(IMPORT_MODES.map((mode) => `**${mode.label}**: ${mode.description}`).join(' ')),
} satisfies PlainInputField;

/** Empty or unknown → undefined: the core's default applies. */
export function importModeOf(value: unknown): ImportMode | undefined {
  return isImportMode(value) ? value : undefined;
}
