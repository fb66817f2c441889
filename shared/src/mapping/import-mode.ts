/** The three import modes of scheduled/bulk imports (docs/stories.md §6). Shells use this one definition. */
export type ImportMode = 'add-and-update' | 'add-only' | 'update-only';

export interface ImportModeOption {
  value: ImportMode;
  label: string;
  description: string;
}

export const IMPORT_MODES: readonly ImportModeOption[] = [
  {
    value: 'add-and-update',
    label: 'Add new and update existing',
    description: 'New e-mails are added to the list; contacts already in it get the new data.',
  },
  {
    value: 'add-only',
    label: 'Add only new',
    description: 'New e-mails are added; contacts already in the list are left exactly as they are.',
  },
  {
    value: 'update-only',
    label: 'Only update existing',
    description: 'Contacts already in the list get the new data; e-mails not in the list are skipped.',
  },
];

/** How one mode translates into Ecomail calls (docs/ecomail-api.md §3.2–§3.5). */
export interface ImportModeFlags {
  /** `update_existing` of subscribe / subscribe-bulk. */
  updateExisting: boolean;
  /** Whether contacts not yet in the list may be created. */
  createsContacts: boolean;
  /**
   * True for update-only: the caller must not use subscribe (it would add the contact). It sends
   * through update-subscriber(-bulk) and skips e-mails that are not list members — checked with
   * `GET /lists/{id}/subscriber/{email}` (404 = not a member), because what update-subscriber does
   * with an unknown e-mail is not documented [U].
   */
  requiresExistingContact: boolean;
}

const FLAGS: Record<ImportMode, ImportModeFlags> = {
  'add-and-update': { updateExisting: true, createsContacts: true, requiresExistingContact: false },
  'add-only': { updateExisting: false, createsContacts: true, requiresExistingContact: false },
  'update-only': { updateExisting: true, createsContacts: false, requiresExistingContact: true },
};

export function isImportMode(value: unknown): value is ImportMode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FLAGS, value);
}

export function importModeFlags(mode: ImportMode): ImportModeFlags {
  if (!isImportMode(mode)) {
    throw new Error(`Unknown import mode "${String(mode)}": use one of ${IMPORT_MODES.map((option) => option.value).join(', ')}.`);
  }
  return FLAGS[mode];
}
