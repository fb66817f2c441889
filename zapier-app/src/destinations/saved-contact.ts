/**
 * What a destination app returns for a saved contact. Unlike Ecomail's, these destinations do not
 * hand the stored contact back (GetResponse queues a new contact for minutes; SALESmanago's
 * package upsert answers no id), so the record says what the core learnt: whether the contact
 * existed, and under which import mode it was written.
 */
import type { ImportMode, SaveOutcome } from '@ecomail-bridge/shared';
import type { PlainOutputField, ZObject } from 'zapier-platform-core';
import { assertSaved } from '../ecomail/saved-contact';

export interface SavedContactRecord {
  email: string;
  already_existed: boolean;
  import_mode: ImportMode | null;
}

/** The outcome as a record; a contact that was not saved ends the step as the Ecomail app's actions do. */
export function savedContactRecord(z: ZObject, outcome: SaveOutcome, mode: ImportMode | undefined): SavedContactRecord {
  assertSaved(z, outcome);
  return {
    email: outcome.email,
    already_existed: outcome.status === 'saved' && outcome.alreadySubscribed === true,
    import_mode: mode ?? null,
  };
}

export function savedContactOutputFields(service: string): PlainOutputField[] {
  return [
    { key: 'email', label: 'Email', type: 'string' },
    { key: 'already_existed', label: `Was Already in ${service}`, type: 'boolean' },
    { key: 'import_mode', label: 'Import Mode', type: 'string' },
  ];
}
