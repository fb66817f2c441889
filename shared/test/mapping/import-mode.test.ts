import { IMPORT_MODES, importModeFlags, isImportMode, type ImportMode } from '@ecomail-bridge/shared';

describe('import modes', () => {
  it.each<[ImportMode, ReturnType<typeof importModeFlags>]>([
    ['add-and-update', { updateExisting: true, createsContacts: true, requiresExistingContact: false }],
    ['add-only', { updateExisting: false, createsContacts: true, requiresExistingContact: false }],
    ['update-only', { updateExisting: true, createsContacts: false, requiresExistingContact: true }],
  ])('%s → %p', (mode, flags) => {
    expect(importModeFlags(mode)).toEqual(flags);
  });

  it('lists every mode once, with a label and a description for the UIs', () => {
    expect(IMPORT_MODES.map((option) => option.value)).toEqual(['add-and-update', 'add-only', 'update-only']);
    for (const option of IMPORT_MODES) {
      expect(option.label).not.toBe('');
      expect(option.description).not.toBe('');
    }
  });

  it('refuses unknown modes clearly', () => {
    expect(isImportMode('add-only')).toBe(true);
    expect(isImportMode('toString')).toBe(false);
    expect(() => importModeFlags('merge' as ImportMode)).toThrow(/Unknown import mode "merge": use one of add-and-update, add-only, update-only/);
  });
});
